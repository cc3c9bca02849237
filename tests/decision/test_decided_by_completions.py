"""Decided when every completion agrees (issue 11, item 6), checked by brute force.

For each rule, generated partial assessments leave some of the findings the rule reads not
assessed; every completion of those findings is evaluated (booleans and choices take every
value, numbers the values either side of the rules' cut-offs) and compared with the
partial assessment's answer: fired when every completion fires, not fired when none does,
and "cannot evaluate" only when completions disagree.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import product
from math import prod
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import evaluate
from clinic_app.domain.decision.registry import RULES
from clinic_app.domain.fields import FieldSpec, spec_index
from tests.decision.decision_builders import ASSESSED_ON, assessment, patient

SPECS = spec_index(Assessment)
AGES = (1, 5, 8, 9, 11, 12, 13, 14, 15, 16, 19, 30, 45, 50, 51, 54, 55, 70)
MAX_COMPLETIONS = 24
# Values either side of every numeric cut-off the rules use (reference.md sections 5-6).
NUMERIC_VALUES: dict[str, tuple[float, ...]] = {
    "symptom_duration_weeks": (0, 1, 2, 6, 7),
    "unexplained_weight_loss_kg": (0, 3),
    "flexion_range_deg": (80, 90),
    "internal_rotation_deg": (5, 10, 11, 25, 40),
    "dislocation_count": (0, 1, 3),
    "lateral_glide_quadrants": (2, 3, 3.5),
    "beighton_score": (3, 4),
    "load_change_4_weeks_percent": (0, 29, 30),
    "morning_stiffness_minutes": (0, 29, 30, 31),
    "modified_ober_deg": (-25, -16.3, -10),
    "weeks": (4, 6, 8, 12),
    "adherence_percent": (50, 79, 80),
    "temperature_c": (36.8, 37.9, 38.0),
    "extension_deficit_deg": (0, 5, 10),
    "locking_episodes": (0, 1, 2),
    "usual": (2, 5),
}
INJURY_DAYS = (0, 1, 6, 7, 8, 40)


def candidate_values(spec: FieldSpec) -> tuple[tuple[Any, ...], bool] | None:
    """The values a completion tries, and whether they cover every answer the rules give."""
    if spec.kind == "boolean":
        return (True, False), True
    if spec.kind == "choice":
        return tuple(code for code, _ in spec.options), True
    if spec.kind in ("number", "integer"):
        values = NUMERIC_VALUES.get(spec.path[-1]) or NUMERIC_VALUES.get(spec.path[-2])
        return (values, True) if values else None
    if spec.kind == "date":
        return tuple(ASSESSED_ON - timedelta(days=days) for days in INJURY_DAYS), True
    if spec.kind == "choices":
        codes = [code for code, _ in spec.options]
        return ((), *((code,) for code in codes), tuple(codes)), False  # a sample only
    return None


def finding_reads(rule_reads: tuple[tuple[str, ...], ...]) -> list[tuple[FieldSpec, tuple, bool]]:
    found = []
    for path in rule_reads:
        spec = SPECS.get(path)
        candidates = candidate_values(spec) if spec else None
        if candidates is not None:
            found.append((spec, *candidates))
    return found


def answer(rule_id: str, age: int, side: str, findings: dict[str, Any]) -> str:
    hint = evaluate(patient(age), assessment(findings, affected_side=side)).hint(rule_id)
    if hint is None:
        return "not fired"
    return "fired" if hint.fired else "cannot evaluate"


SETTINGS = settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
@SETTINGS
@given(data=st.data())
def test_decided_exactly_when_every_completion_agrees(rule, data: st.DataObject) -> None:
    reads = finding_reads(rule.reads)
    assume(reads)
    age = data.draw(st.sampled_from(AGES), label="age")
    side = data.draw(st.sampled_from(["right", "both"]), label="side")
    findings: dict[str, Any] = {}
    missing: list[tuple[FieldSpec, tuple, bool]] = []
    for spec, values, exhaustive in reads:
        if data.draw(st.booleans(), label=f"assess {spec.key}"):
            findings[spec.key] = data.draw(st.sampled_from(values), label=spec.key)
        else:
            missing.append((spec, values, exhaustive))
    assume(prod(len(values) for _, values, _ in missing) <= MAX_COMPLETIONS)
    partial = answer(rule.id, age, side, findings)
    keys = [spec.key for spec, _, _ in missing]
    completions = {
        answer(rule.id, age, side, {**findings, **dict(zip(keys, combo, strict=True))})
        for combo in product(*(values for _, values, _ in missing))
    }
    assert "cannot evaluate" not in completions or not all(e for *_, e in missing) or \
        len(missing) == 0, "a complete assessment cannot leave a rule undecided"
    if partial == "not fired":
        assert "fired" not in completions, f"{rule.id}: not fired, yet a completion fires"
    if partial == "fired" and "Applicability not confirmed" not in _reasoning(rule.id, age,
                                                                             side, findings):
        assert completions == {"fired"}, f"{rule.id}: fired, yet a completion does not"
    if all(exhaustive for *_, exhaustive in missing) and len(completions) == 1:
        assert partial == completions.pop(), (
            f"{rule.id}: every completion agrees but the partial answer is {partial}"
        )


def _reasoning(rule_id: str, age: int, side: str, findings: dict[str, Any]) -> str:
    hint = evaluate(patient(age), assessment(findings, affected_side=side)).hint(rule_id)
    return hint.reasoning if hint else ""
