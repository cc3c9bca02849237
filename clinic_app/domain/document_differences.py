"""Which findings two versions of one assessment record differently.

Used when two workstations saved the same assessment: the person deciding which version
to keep sees, finding by finding, what each version says. Only what a clinician wrote
counts: the schema version, the status and the rule-set stamp are bookkeeping.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clinic_app.domain.assessment import Assessment, HintDecision, HintDecisionKind
from clinic_app.domain.fields import FieldSpec, Path, get_value, spec_index
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.domain.value_text import format_value

NOT_ASSESSED = "not assessed"
NO_DECISION = "no decision"
PLAN_FOLLOWS_FINDINGS = "follows the findings (not edited)"
_BOOKKEEPING: frozenset[Path] = frozenset({("schema_version",), ("status",)})


@dataclass(frozen=True)
class FindingDifference:
    path: Path
    title: str  # e.g. "Hip and knee strength › Knee extension › Force (left)"
    mine: str
    theirs: str


def finding_title(spec: FieldSpec) -> str:
    """The finding's title under its groups, with the side of a bilateral finding."""
    parts = [title for title in spec.group_titles if title != spec.title]
    side = f" ({spec.side})" if spec.side else ""
    return " › ".join([*parts, spec.title]) + side


def differing_findings(mine: Assessment, theirs: Assessment) -> list[FindingDifference]:
    """Every finding, hint decision and plan edit that differs, in document order."""
    differences = [
        FindingDifference(path, finding_title(spec), _value_text(ours, spec),
                          _value_text(other, spec))
        for path, spec in spec_index(Assessment).items()
        if path not in _BOOKKEEPING
        and (ours := get_value(mine, path)) != (other := get_value(theirs, path))
    ]
    differences.extend(_hint_decision_differences(mine, theirs))
    if mine.rehab_plan != theirs.rehab_plan:
        differences.append(FindingDifference(
            ("rehab_plan",), "Rehab plan", _plan_text(mine.rehab_plan),
            _plan_text(theirs.rehab_plan),
        ))
    return differences


def _value_text(value: Any, spec: FieldSpec) -> str:
    return NOT_ASSESSED if value is None else format_value(value, spec)


def _hint_decision_differences(mine: Assessment, theirs: Assessment) -> list[FindingDifference]:
    ours, other = mine.hint_decisions, theirs.hint_decisions
    return [
        FindingDifference(
            ("hint_decisions", rule_id), f"Decision on hint {rule_id}",
            _decision_text(ours.get(rule_id)), _decision_text(other.get(rule_id)),
        )
        for rule_id in sorted(ours.keys() | other.keys())
        if ours.get(rule_id) != other.get(rule_id)
    ]


def _decision_text(decision: HintDecision | None) -> str:
    if decision is None:
        return NO_DECISION
    if decision.decision is HintDecisionKind.ACCEPTED:
        return "accepted"
    return f"dismissed: {decision.reason}"


def _plan_text(plan: RehabPlan | None) -> str:
    if plan is None:
        return PLAN_FOLLOWS_FINDINGS
    if not plan.exercises:
        return f"edited: {plan.phase.label}, no exercises"
    exercises = "; ".join(
        f"{item.exercise_id} ({item.dose}, {item.frequency})" for item in plan.exercises
    )
    return f"edited: {plan.phase.label}; {exercises}"
