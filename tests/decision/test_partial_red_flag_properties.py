"""Property tests (issue 11, item 8): a red-flag rule's key features, any non-empty subset
present with everything else not assessed, never read routine with loading allowed; and
recording a finding as negative never raises the urgency to urgent or emergency."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.decision import RULES, evaluate
from clinic_app.domain.decision.model import Urgency
from clinic_app.domain.decision.registry import rule_by_id
from clinic_app.domain.fields import get_value, spec_index, with_value
from clinic_app.domain.history import WeightBearing
from tests.decision.decision_builders import assessment, patient
from tests.decision.test_decision_properties import PROPERTY_SETTINGS, assessments, patients

WITH_KEY_FEATURES = [rule for rule in RULES if rule.key_features]
# A value that makes each non-boolean key feature present.
PRESENT: dict[str, Any] = {
    "extension_deficit_deg": 15, "locking_episodes": 2, "temperature_c": 38.6,
    "unexplained_weight_loss_kg": 4, "tender_sites": ["medial_tibial_plateau"],
    "pain_regions": ["thigh"], "weight_bearing": WeightBearing.UNABLE_4_STEPS.value,
    "weight_bearing_now": WeightBearing.UNABLE_4_STEPS.value,
    "weight_bearing_immediately": WeightBearing.UNABLE_4_STEPS.value,
    "can_flex_to_90": False, "swelling_onset": "within_2_hours",
}
AGE_FOR = {"SCFE": 12}
# Findings whose reassuring ("negative") answer is true.
REASSURING_TRUE = {"straight_leg_raise_possible", "can_flex_to_90",
                   "alternative_diagnosis_as_likely"}
BOOLEAN_FINDINGS = [spec for path, spec in spec_index(Assessment).items()
                    if path[0] in EXAM_SECTIONS and spec.kind == "boolean"]


def test_every_red_flag_rule_declares_key_features() -> None:
    red = {"RF-SEPTIC", "RF-EXTENSOR", "RF-NO-WEIGHT-BEARING", "RF-NEUROVASCULAR",
           "RF-TENSE-EFFUSION", "RF-LOCKED-KNEE", "RF-HAEMARTHROSIS", "RF-LIGAMENT-RUPTURE",
           "RF-PATELLAR-DISLOCATION", "RF-TUMOUR", "RF-DVT", "OTTAWA", "PITTSBURGH", "SCFE",
           "STRESS-FRACTURE"}
    assert red <= {rule.id for rule in WITH_KEY_FEATURES}


@pytest.mark.parametrize("rule", WITH_KEY_FEATURES, ids=[r.id for r in WITH_KEY_FEATURES])
@PROPERTY_SETTINGS
@given(data=st.data())
def test_key_features_alone_are_never_routine_with_loading(rule, data: st.DataObject) -> None:
    features = data.draw(st.lists(st.sampled_from(rule.key_features), min_size=1, unique=True))
    findings = {".".join(f.path): PRESENT.get(f.path[-1], True) for f in features}
    evaluation = evaluate(patient(AGE_FOR.get(rule.id, 30)),
                          assessment(findings, affected_side="right"))
    conclusion = evaluation.conclusion
    assert not (conclusion.top_urgency is Urgency.ROUTINE
                and conclusion.loading_programme_allowed), findings
    hint = evaluation.hint(rule.id)
    assert hint is not None, findings
    # Fired; or its condition heads the conclusion as possible (merged with any other rule
    # pointing to the same condition); or a fired rule already suspects that condition.
    suspected = {rule_by_id(h.rule_id).condition for h in evaluation.fired}
    assert hint.fired or rule.condition in {p.condition for p in conclusion.possible} \
        or rule.condition in suspected, findings


@PROPERTY_SETTINGS
@given(patients, assessments(), st.data())
def test_recording_a_negative_finding_never_raises_urgency(patient_, document, data) -> None:
    unassessed = [spec for spec in BOOLEAN_FINDINGS if get_value(document, spec.path) is None]
    spec = data.draw(st.sampled_from(unassessed))
    reassuring = spec.path[-1] in REASSURING_TRUE
    before = evaluate(patient_, document).conclusion
    after = evaluate(patient_, with_value(document, spec.path, reassuring)).conclusion
    # A negative can complete a pathway that then advises imaging within weeks (soon), but it
    # never makes a case urgent or an emergency.
    assert after.top_urgency.rank <= max(before.top_urgency.rank, Urgency.SOON.rank), spec.key
    if before.top_urgency.rank >= Urgency.URGENT.rank:
        assert after.top_urgency.rank <= before.top_urgency.rank, spec.key
