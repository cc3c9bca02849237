"""A possible condition is listed once, whichever rules point to it (reference s. 6, default 1)."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import evaluate
from clinic_app.domain.patient import Patient, Sex


def _patient(age: int) -> Patient:
    return Patient(family_name="Merged", given_names="Case",
                   date_of_birth=date(2025 - age, 1, 15), sex=Sex.MALE)


def _fall_with_patellar_tenderness(**acute: object) -> Assessment:
    return Assessment.model_validate({
        "assessment_date": "2025-06-01", "affected_side": "right",
        "history": {"complaint": {"onset": "acute_traumatic"},
                    "trauma": {"mechanism": "direct_blow_or_fall", "injury_date": "2025-05-30"}},
        "screens": {"acute": {"patella_tender": True, **acute}},
    })


def test_ottawa_and_pittsburgh_waiting_give_one_possible_fracture_naming_both_sets() -> None:
    evaluation = evaluate(_patient(40), _fall_with_patellar_tenderness())
    waiting = {hint.rule_id for hint in evaluation.cannot_evaluate}
    assert {"OTTAWA", "PITTSBURGH"} <= waiting
    conclusion = evaluation.conclusion
    fractures = [p for p in conclusion.possible if "fracture" in p.condition.lower()]
    assert len(fractures) == 1
    to_complete = " ".join(fractures[0].to_complete).lower()
    assert "fibular head" in to_complete  # Ottawa's missing finding
    assert "weight bearing now" in to_complete  # Pittsburgh's missing finding
    listed = [impression.condition for impression in conclusion.impressions]
    assert len(listed) == len(set(listed))
    assert conclusion.urgency_provisional and not conclusion.loading_programme_allowed


def test_a_condition_already_suspected_is_not_also_possible() -> None:
    """Ottawa fires (age 55): Pittsburgh waiting for weight bearing adds no second entry."""
    evaluation = evaluate(_patient(56), _fall_with_patellar_tenderness())
    assert evaluation.hint("OTTAWA") is not None and evaluation.hint("OTTAWA").fired
    conclusion = evaluation.conclusion
    assert not [p for p in conclusion.possible if "fracture" in p.condition.lower()]
    assert conclusion.urgency_headline == "EMERGENCY"
    assert not conclusion.loading_programme_allowed
