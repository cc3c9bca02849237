"""Property tests: any valid assessment evaluates, red flags never lower the urgency, and
an unassessed exclusion never makes the PFP verdict more confident than a negative one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.decision import evaluate
from clinic_app.domain.fields import FieldSpec, get_value, spec_index
from clinic_app.domain.patient import Patient

ASSESSED_ON = date(2025, 6, 1)
SPECS = [spec for path, spec in spec_index(Assessment).items() if path[0] in EXAM_SECTIONS]
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def value_strategy(spec: FieldSpec) -> st.SearchStrategy[Any]:
    low = spec.minimum if spec.minimum is not None else 0
    high = spec.maximum if spec.maximum is not None else 1000
    codes = [code for code, _ in spec.options]
    if spec.kind == "integer":
        return st.integers(int(low), int(high))
    if spec.kind == "number":
        return st.floats(low, high, allow_nan=False).map(lambda x: round(x, 1))
    if spec.kind == "boolean":
        return st.booleans()
    if spec.kind == "choice":
        return st.sampled_from(codes)
    if spec.kind == "choices":
        return st.lists(st.sampled_from(codes), unique=True).map(list)
    if spec.kind == "date":
        return st.integers(0, 400).map(lambda days: ASSESSED_ON - timedelta(days=days))
    return st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)


def put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = data
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = value


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    data: dict[str, Any] = {
        "assessment_date": ASSESSED_ON,
        "affected_side": draw(st.sampled_from([None, "left", "right", "both"])),
    }
    chosen = draw(st.lists(st.sampled_from(SPECS), max_size=60, unique_by=lambda s: s.path))
    for spec in chosen:
        put(data, spec.path, draw(value_strategy(spec)))
    return Assessment.model_validate(data)


patients = st.builds(
    lambda age, sex: Patient(family_name="P", given_names="Q", sex=sex,
                             date_of_birth=date(ASSESSED_ON.year - age, 3, 1)),
    st.integers(1, 95), st.sampled_from(["female", "male", "other"]),
)


@PROPERTY_SETTINGS
@given(patients, assessments(), st.lists(assessments(), max_size=2))
def test_evaluation_never_raises_and_is_consistent(
    patient: Patient, assessment: Assessment, earlier: list[Assessment]
) -> None:
    evaluation = evaluate(patient, assessment, earlier)
    conclusion = evaluation.conclusion
    assert conclusion.imaging is not None
    fired = [hint.urgency.rank for hint in evaluation.fired]
    possible = [p.urgency.rank for p in conclusion.possible]
    assert conclusion.top_urgency.rank == max(fired + possible, default=0)
    assert conclusion.urgency_provisional == (max(possible, default=0) > max(fired, default=0))
    for hint in evaluation.cannot_evaluate:
        assert hint.missing
    if any(hint.category.value == "red_flag" for hint in evaluation.fired):
        assert not conclusion.loading_programme_allowed


RED_FLAG_FINDINGS: list[dict[tuple[str, ...], Any]] = [
    {("screens", "acute", "neurovascular_compromise"): True},
    {("history", "mechanical", "true_locking"): True},
    {("screens", "inflammation", "warmth"): True, ("history", "complaint", "swelling"):
     "constant", ("history", "systemic", "fever"): True},
    {("history", "complaint", "night_pain"): True, ("screens", "inflammation", "mass"): True},
    {("history", "trauma", "mechanism"): "patellar_dislocation"},
    {("screens", "acute", "straight_leg_raise_possible"): False},
]


def with_findings(assessment: Assessment, changes: dict[tuple[str, ...], Any]) -> Assessment:
    data = assessment.model_dump()
    for path, value in changes.items():
        put(data, path, value)
    return Assessment.model_validate(data)


@PROPERTY_SETTINGS
@given(patients, assessments(), st.sampled_from(RED_FLAG_FINDINGS))
def test_adding_a_red_flag_never_lowers_the_top_urgency(
    patient: Patient, assessment: Assessment, red_flag: dict[tuple[str, ...], Any]
) -> None:
    # adding means recording a finding that was not assessed; overwriting a recorded one
    # (a fall becoming a patellar dislocation) can rightly switch other rules off
    assume(all(get_value(assessment, path) is None for path in red_flag))
    before = evaluate(patient, assessment).conclusion.top_urgency
    after = evaluate(patient, with_findings(assessment, red_flag)).conclusion
    assert after.top_urgency.rank >= before.rank
    assert after.top_urgency.rank >= 2  # urgent or emergency
    assert not after.loading_programme_allowed


EXCLUSIONS_KNOWN_NEGATIVE: list[dict[tuple[str, ...], Any]] = [
    {("patellar", "left", "effusion"): "zero", ("patellar", "right", "effusion"): "zero"},
    {("patellar", "left", "apprehension"): False, ("patellar", "right", "apprehension"): False},
    {("history", "mechanical", "true_locking"): False},
    {("screens", "acute", "block_to_extension"): False},
    {("screens", "meniscus_ligaments", "lachman_positive"): False},
    {("screens", "meniscus_ligaments", "medial_joint_line_tender"): False},
    {("screens", "meniscus_ligaments", "mcmurray_positive"): False},
    {("screens", "palpation", "inferior_pole_tender"): False},
    {("screens", "hip", "hip_rom_reproduces_knee_pain"): False},
    {("history", "hip_and_back", "radicular_leg_pain"): False},
    {("history", "mechanical", "dislocation_count"): 0},
]


@PROPERTY_SETTINGS
@given(patients, assessments(), st.sampled_from(EXCLUSIONS_KNOWN_NEGATIVE))
def test_unknown_exclusion_is_never_more_confident_than_a_negative_one(
    patient: Patient, assessment: Assessment, negative: dict[tuple[str, ...], Any]
) -> None:
    unknown = with_findings(assessment, dict.fromkeys(negative, None))
    known = with_findings(assessment, negative)
    verdict_unknown = evaluate(patient, unknown).pfp_verdict
    verdict_known = evaluate(patient, known).pfp_verdict
    assert verdict_unknown.rank <= verdict_known.rank
