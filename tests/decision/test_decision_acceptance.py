"""The five example cases of vignettes.md, from the demo case files, as acceptance tests."""

from __future__ import annotations

from pathlib import Path

from clinic_app.cli.commands_case import read_case
from clinic_app.domain.decision import Evaluation, PfpVerdict, Urgency, evaluate
from clinic_app.resources import resource


def evaluate_case(number: int) -> Evaluation:
    path: Path = resource("demo", f"case{number}.json")
    case = read_case(path)
    return evaluate(case.patient, case.assessment, case.earlier_assessments)


def test_case1_classic_pfp_no_imaging_routine() -> None:
    evaluation = evaluate_case(1)
    conclusion = evaluation.conclusion
    assert evaluation.pfp_verdict is PfpVerdict.LIKELY
    assert conclusion.impressions[0].condition == "Patellofemoral pain"
    assert conclusion.imaging.is_none
    assert conclusion.top_urgency is Urgency.ROUTINE
    assert conclusion.loading_programme_allowed


def test_case2_scfe_hip_films_not_knee_films_emergency() -> None:
    evaluation = evaluate_case(2)
    conclusion = evaluation.conclusion
    assert evaluation.pfp_verdict is PfpVerdict.ARGUED_AGAINST
    assert "Slipped capital femoral epiphysis" in conclusion.impressions[0].condition
    assert conclusion.imaging.modality == "radiograph"
    assert conclusion.imaging.region == "both hips"
    assert any("frog-leg" in view for view in conclusion.imaging.views)
    assert any("AP" in view for view in conclusion.imaging.views)
    assert "knee" not in conclusion.imaging.region
    assert conclusion.top_urgency is Urgency.EMERGENCY
    assert not conclusion.loading_programme_allowed
    assert conclusion.referral is not None and "same-day" in conclusion.referral.lower()


def test_case3_ottawa_and_pittsburgh_positive_knee_films_emergency() -> None:
    evaluation = evaluate_case(3)
    conclusion = evaluation.conclusion
    ottawa, pittsburgh = evaluation.hint("OTTAWA"), evaluation.hint("PITTSBURGH")
    assert ottawa is not None and ottawa.fired
    assert pittsburgh is not None and pittsburgh.fired
    ottawa_findings = {trigger.path[-1] for trigger in ottawa.triggers}
    assert {"age", "patella_tender", "can_flex_to_90", "weight_bearing_now"} <= ottawa_findings
    assert conclusion.imaging.region == "knee"
    assert set(conclusion.imaging.views) >= {"AP", "lateral"}
    assert any("skyline" in view for view in conclusion.imaging.views)
    assert conclusion.top_urgency is Urgency.EMERGENCY
    extensor = evaluation.hint("RF-EXTENSOR")
    assert extensor is not None and extensor.status == "cannot_evaluate"
    assert ("screens", "acute", "straight_leg_raise_possible") in extensor.missing


def test_case4_patellar_tendinopathy_not_pfp_no_imaging() -> None:
    evaluation = evaluate_case(4)
    conclusion = evaluation.conclusion
    assert conclusion.impressions[0].condition == "Patellar tendinopathy"
    assert evaluation.pfp_verdict is PfpVerdict.ARGUED_AGAINST
    assert conclusion.imaging.is_none and "ultrasound" in conclusion.imaging.reason
    assert conclusion.top_urgency is Urgency.ROUTINE
    assert conclusion.loading_programme_allowed


def test_case5_iliotibial_band_syndrome_no_imaging() -> None:
    evaluation = evaluate_case(5)
    conclusion = evaluation.conclusion
    assert conclusion.impressions[0].condition == "Iliotibial band syndrome"
    assert evaluation.pfp_verdict is PfpVerdict.ARGUED_AGAINST
    assert conclusion.imaging.is_none
    assert conclusion.top_urgency is Urgency.ROUTINE


def test_no_title_calls_patellar_tendinopathy_jumpers_knee() -> None:
    for number in range(1, 6):
        for hint in evaluate_case(number).hints:
            assert "jumper" not in hint.title.lower()
