"""The conclusion applies reference.md section 6's precedence and never contradicts itself."""

from __future__ import annotations

from clinic_app.domain.decision import PfpVerdict, Urgency, evaluate
from tests.decision.decision_builders import assessment, patient
from tests.decision.test_decision_rules import (
    OTTAWA_NEGATIVE_EXAM,
    PFP_CORE,
    PFP_EXCLUSIONS_NEGATIVE,
    TRAUMA_FALL,
)


def test_red_flag_suppresses_loading_and_sets_referral() -> None:
    findings = {**PFP_CORE, **PFP_EXCLUSIONS_NEGATIVE, "screens.inflammation.warmth": True,
                "history.complaint.swelling": "constant", "history.systemic.fever": True}
    evaluation = evaluate(patient(30), assessment(findings, affected_side="right"))
    conclusion = evaluation.conclusion
    assert conclusion.top_urgency is Urgency.EMERGENCY
    assert not conclusion.loading_programme_allowed
    assert conclusion.referral == "Emergency department today"
    assert evaluation.pfp_verdict is PfpVerdict.ARGUED_AGAINST


def test_both_fracture_rules_negative_means_no_fracture_films() -> None:
    findings = {**TRAUMA_FALL, **OTTAWA_NEGATIVE_EXAM,
                "history.trauma.superficial_skin_injury_only": False,
                "history.past.knee_surgery": False, "history.past.knee_fracture": False,
                "history.trauma.reassessment_of_same_injury": False,
                "screens.acute.other_bony_tenderness": False,
                "screens.palpation.focal_bony_tenderness": False,
                "patellar.right.effusion": "zero", "screens.acute.tense_effusion": False}
    conclusion = evaluate(patient(30), assessment(findings, affected_side="right")).conclusion
    assert conclusion.imaging.is_none
    assert "Ottawa" in conclusion.imaging.reason


def test_scfe_beats_pfp_imaging_with_hip_films() -> None:
    findings = {**PFP_CORE, **PFP_EXCLUSIONS_NEGATIVE, "history.past.knee_surgery": True,
                "screens.hip.obligatory_external_rotation": True}
    conclusion = evaluate(patient(12), assessment(findings, affected_side="right")).conclusion
    assert conclusion.imaging.region == "both hips"
    assert not conclusion.loading_programme_allowed


def test_untreated_long_pfp_gets_a_treatment_trial_not_films() -> None:
    findings = {**PFP_CORE, **PFP_EXCLUSIONS_NEGATIVE, "history.trauma.mechanism": "none",
                "history.past.knee_surgery": False, "history.complaint.symptom_duration_weeks": 10}
    evaluation = evaluate(patient(26), assessment(findings, affected_side="right"))
    assert evaluation.pfp_verdict is PfpVerdict.LIKELY
    assert evaluation.conclusion.imaging.is_none
    assert evaluation.hint("ACR-CHRONIC-INITIAL") is None


def test_pfp_at_fifty_without_oa_criteria_gets_radiographs() -> None:
    findings = {**PFP_CORE, **PFP_EXCLUSIONS_NEGATIVE, "history.trauma.mechanism": "none",
                "history.past.knee_surgery": False,
                "history.complaint.morning_stiffness_minutes": 45}
    conclusion = evaluate(patient(52), assessment(findings, affected_side="right")).conclusion
    assert conclusion.imaging.modality == "radiograph"
    assert conclusion.imaging.region == "knee"


def test_oa_criteria_met_means_no_imaging_for_diagnosis() -> None:
    findings = {**PFP_CORE, **PFP_EXCLUSIONS_NEGATIVE, "history.trauma.mechanism": "none",
                "history.past.knee_surgery": False,
                "history.complaint.morning_stiffness_minutes": 10}
    evaluation = evaluate(patient(60), assessment(findings, affected_side="right"))
    assert evaluation.hint("OA-NICE") is not None
    assert evaluation.conclusion.imaging.is_none


def test_unscreened_exclusion_gives_supported_and_lists_it() -> None:
    findings = {**PFP_CORE, **PFP_EXCLUSIONS_NEGATIVE}
    del findings["patellar.right.apprehension"]
    evaluation = evaluate(patient(26), assessment(findings, affected_side="right"))
    assert evaluation.pfp_verdict is PfpVerdict.SUPPORTED
    hint = evaluation.hint("PFP-CRITERIA")
    assert hint is not None and ("patellar", "right", "apprehension") in hint.missing


def test_examined_side_follows_the_affected_side() -> None:
    findings = {**PFP_CORE, **PFP_EXCLUSIONS_NEGATIVE, "patellar.left.apprehension": True}
    evaluation = evaluate(patient(26), assessment(findings, affected_side="right"))
    assert evaluation.pfp_verdict is PfpVerdict.LIKELY
    evaluation = evaluate(patient(26), assessment(findings, affected_side="both"))
    assert evaluation.pfp_verdict is PfpVerdict.ARGUED_AGAINST
