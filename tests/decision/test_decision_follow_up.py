"""Rules that need earlier assessments or recorded imaging results."""

from __future__ import annotations

from typing import Any

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import evaluate
from tests.decision.decision_builders import assessment, patient
from tests.decision.test_decision_rules import PFP_CORE, PFP_EXCLUSIONS_NEGATIVE

KUJALA_68 = {
    "limp": "none", "support": "full_without_pain", "walking": "unlimited",
    "stairs": "slight_pain_descending", "squatting": "painful_each_time",
    "running": "severe_pain", "jumping": "constant_pain", "prolonged_sitting": "forced_to_extend",
    "pain": "occasionally_severe", "swelling": "none", "subluxations": "none",
    "thigh_atrophy": "none", "flexion_deficiency": "none",
}
KUJALA_BETTER = {**KUJALA_68, "running": "no_difficulty", "jumping": "no_difficulty"}


def visit(extra: dict[str, Any], kujala: dict[str, str], usual_pain: int) -> Assessment:
    findings = {**PFP_CORE, **PFP_EXCLUSIONS_NEGATIVE, "history.trauma.mechanism": "none",
                "history.past.knee_surgery": False, "outcomes.pain.usual": usual_pain, **extra}
    findings.update({f"outcomes.kujala.{key}": value for key, value in kujala.items()})
    return assessment(findings, affected_side="right")


BASELINE = visit({}, KUJALA_68, 5)
TREATED = {"history.treatment.weeks": 8, "history.treatment.adherence_percent": 90}


def test_non_responder_fires_and_pfp_pathway_asks_for_films() -> None:
    now = visit(TREATED, KUJALA_68, 4)
    evaluation = evaluate(patient(26), now, [BASELINE])
    hint = evaluation.hint("NON-RESPONDER")
    assert hint is not None and hint.fired
    assert evaluation.hint("PFP-IMAGING") is not None
    assert evaluation.conclusion.imaging.modality == "radiograph"


def test_meaningful_improvement_is_not_a_non_responder() -> None:
    now = visit(TREATED, KUJALA_BETTER, 4)  # AKPS +20
    assert evaluate(patient(26), now, [BASELINE]).hint("NON-RESPONDER") is None


def test_non_responder_without_baseline_outcomes_cannot_evaluate() -> None:
    empty_baseline = assessment({}, affected_side="right")
    now = visit(TREATED, KUJALA_68, 4)
    hint = evaluate(patient(26), now, [empty_baseline]).hint("NON-RESPONDER")
    assert hint is not None and hint.status == "cannot_evaluate"
    assert ("earlier_assessments", "outcomes", "kujala") in hint.missing


def test_twelve_weeks_with_negative_films_moves_to_mri() -> None:
    late = {"history.treatment.weeks": 12, "history.treatment.adherence_percent": 90,
            "history.past.knee_radiographs": "negative_or_effusion_only"}
    evaluation = evaluate(patient(26), visit(late, KUJALA_68, 5), [BASELINE])
    assert evaluation.hint("NON-RESPONDER-12W") is not None
    assert evaluation.conclusion.imaging.modality == "MRI without contrast"


def test_twelve_weeks_without_recorded_films_cannot_evaluate() -> None:
    late = {"history.treatment.weeks": 12, "history.treatment.adherence_percent": 90}
    hint = evaluate(patient(26), visit(late, KUJALA_68, 5), [BASELINE]).hint("NON-RESPONDER-12W")
    assert hint is not None and hint.status == "cannot_evaluate"


def test_acr_chronic_variants_after_radiographs() -> None:
    expected = {
        "negative_or_effusion_only": "variant 2",
        "osteochondral_loose_body_or_repair": "variant 3",
        "degenerative_or_chondrocalcinosis": "variant 4",
    }
    for result, variant in expected.items():
        findings = {"history.past.knee_radiographs": result}
        hint = evaluate(patient(40), assessment(findings)).hint("ACR-CHRONIC-AFTER-RADIOGRAPHS")
        assert hint is not None and hint.fired and variant in hint.reasoning
    other = assessment({"history.past.knee_radiographs": "other_finding"})
    assert evaluate(patient(40), other).hint("ACR-CHRONIC-AFTER-RADIOGRAPHS") is None
