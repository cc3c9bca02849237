"""The impressions a student can name: the conditions the decision rules point to."""

from __future__ import annotations

from functools import cache

from clinic_app.domain.decision import RULES

PATELLOFEMORAL_PAIN = "Patellofemoral pain"


@cache
def known_conditions() -> tuple[str, ...]:
    named = {rule.condition for rule in RULES if rule.condition}
    return tuple(sorted(named | {PATELLOFEMORAL_PAIN}))
