"""Three-way merge of two versions of one assessment against their common base.

Two workstations edit the same draft. Each finding is compared with the version both
started from: a finding only one side changed takes that side's value; a finding both
sides changed to the same value is simply that value; only a finding both sides changed
to *different* values is a conflict, for a person to decide. A hint decision counts as
one finding per rule, and the edited rehab plan as one finding, so a plan is never
assembled from two people's halves. Bookkeeping (schema version, status, rule-set
stamp) always follows the stored version.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.document_differences import (
    FindingDifference,
    differing_findings,
    finding_title,
)
from clinic_app.domain.fields import Path, spec_index

_BOOKKEEPING = frozenset({("schema_version",), ("status",), ("rule_set_version",)})
_WHOLE = frozenset({("rehab_plan",)})  # merged as one value, never field by field
_ONE_PER_KEY = frozenset({("hint_decisions",)})  # one value per rule id


class Preference(StrEnum):
    """How to settle the findings both sides changed differently."""

    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class Merge:
    merged: Assessment
    mine_changed: tuple[Path, ...]
    theirs_changed: tuple[Path, ...]
    conflicts: tuple[FindingDifference, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts

    def titles(self, paths: Iterable[Path]) -> list[str]:
        return [path_title(path) for path in paths]


def three_way_merge(
    base: Assessment,
    mine: Assessment,
    theirs: Assessment,
    prefer: Preference = Preference.THEIRS,
) -> Merge:
    """``mine`` and ``theirs`` merged against ``base``; conflicting findings take ``prefer``'s
    value in ``merged`` and are listed in ``conflicts``."""
    ours, other, common = (_leaves(doc) for doc in (mine, theirs, base))
    merged: dict[Path, Any] = {}
    mine_changed: list[Path] = []
    theirs_changed: list[Path] = []
    conflicts: list[FindingDifference] = []
    worded: dict[Path, FindingDifference] | None = None
    for path in _ordered(common, ours, other):
        base_value, my_value, their_value = (
            values.get(path) for values in (common, ours, other)
        )
        if path in _BOOKKEEPING or my_value == their_value:
            merged[path] = their_value
            continue
        if my_value == base_value:
            theirs_changed.append(path)
            merged[path] = their_value
        elif their_value == base_value:
            mine_changed.append(path)
            merged[path] = my_value
        else:
            if worded is None:  # the app's own wording of each value, worked out once
                worded = {found.path: found for found in differing_findings(mine, theirs)}
            conflicts.append(worded.get(path) or FindingDifference(
                path, path_title(path), _text(my_value), _text(their_value)
            ))
            merged[path] = my_value if prefer is Preference.MINE else their_value
    document = Assessment.model_validate(_rebuild(merged))
    return Merge(document, tuple(mine_changed), tuple(theirs_changed), tuple(conflicts))


def path_title(path: Path) -> str:
    """How a person knows the finding: its title under its groups, or the rule it decides."""
    spec = spec_index(Assessment).get(path)
    if spec is not None:
        return finding_title(spec)
    if path[:1] == ("hint_decisions",) and len(path) == 2:
        return f"Decision on hint {path[1]}"
    if path == ("rehab_plan",):
        return "Rehab plan"
    return " › ".join(path)


def _leaves(document: Assessment) -> dict[Path, Any]:
    found: dict[Path, Any] = {}
    _flatten(document.model_dump(mode="json"), (), found)
    return found


def _flatten(node: Any, path: Path, out: dict[Path, Any]) -> None:
    if isinstance(node, Mapping) and path not in _WHOLE:
        if path in _ONE_PER_KEY:
            for key, value in node.items():
                out[(*path, key)] = value
            return
        for key, value in node.items():
            _flatten(value, (*path, key), out)
        return
    out[path] = node


def _rebuild(leaves: Mapping[Path, Any]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for path, value in leaves.items():
        if value is None and path[:1] == ("hint_decisions",):
            continue  # no decision on that rule
        node = root
        for name in path[:-1]:
            node = node.setdefault(name, {})
        node[path[-1]] = value
    return root


def _ordered(*documents: Mapping[Path, Any]) -> list[Path]:
    return list(dict.fromkeys(path for document in documents for path in document))


def _text(value: Any) -> str:
    if value is None:
        return "not assessed"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "none"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items() if item is not None)
    return str(value)
