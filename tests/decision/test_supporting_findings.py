"""Supporting findings are shown on a fired hint but never decide whether it fires."""

from __future__ import annotations

from clinic_app.domain.decision import evaluate
from tests.decision.decision_builders import assessment, patient

TORN_MENISCUS = {
    "screens.meniscus_ligaments.medial_joint_line_tender": True,
    "screens.meniscus_ligaments.mcmurray_positive": True,
}
FRACTURE_PRONE_RUNNER = {
    "screens.palpation.focal_bony_tenderness": True,
    "history.activity.activity_types": ["running"],
}


def _trigger_labels(findings: dict, rule_id: str, age: int = 30, sex: str = "female") -> list:
    hint = evaluate(patient(age, sex), assessment(findings, affected_side="right")).hint(rule_id)
    assert hint is not None and hint.fired
    return [trigger.label for trigger in hint.triggers]


def test_catching_is_shown_on_a_meniscal_hint_when_present() -> None:
    assert "Catching" not in " ".join(_trigger_labels(TORN_MENISCUS, "MENISCAL"))
    catching = {**TORN_MENISCUS, "history.mechanical.catching": True}
    assert "Catching" in " ".join(_trigger_labels(catching, "MENISCAL"))


def test_rest_and_night_pain_support_a_stress_fracture_without_being_needed() -> None:
    assert "Night pain" not in " ".join(_trigger_labels(FRACTURE_PRONE_RUNNER, "STRESS-FRACTURE"))
    with_night_pain = {**FRACTURE_PRONE_RUNNER, "history.complaint.night_pain": True,
                       "history.complaint.rest_pain": False}
    labels = " ".join(_trigger_labels(with_night_pain, "STRESS-FRACTURE"))
    assert "Night pain" in labels and "Pain at rest" not in labels


def test_a_prominent_tubercle_is_shown_on_osgood_schlatter() -> None:
    findings = {"screens.palpation.tibial_tubercle_tender": True,
                "screens.palpation.tibial_tubercle_prominent": True}
    assert "Tibial tubercle prominent" in " ".join(
        _trigger_labels(findings, "OSGOOD-SCHLATTER", age=13, sex="male")
    )
