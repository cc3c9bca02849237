"""Key features of a red-flag condition: findings that make it possible on their own.

When one is present and the rule cannot be evaluated yet, the condition is *possible*
(reference.md section 6, safety default 1): it heads the impressions, the headline takes
its urgency marked provisional, and loading is withheld until the confirming findings are
recorded. Only findings recorded negative settle the rule, and with it the possibility.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from clinic_app.domain.decision.model import Path


def _is_true(value: Any) -> bool:
    return value is True


@dataclass(frozen=True)
class KeyFeature:
    path: Path
    wording: str = ""  # how the presence reads when the finding alone does not say it
    present: Callable[[Any], bool] = _is_true

    def is_present(self, value: Any) -> bool:
        return value is not None and bool(self.present(value))


def key(path: Path, wording: str = "", present: Callable[[Any], bool] = _is_true) -> KeyFeature:
    return KeyFeature(path, wording, present)


def describe(feature: KeyFeature) -> str:
    from clinic_app.domain.decision.context import finding_label

    label = finding_label(feature.path)
    return f"{label} {feature.wording}" if feature.wording else label
