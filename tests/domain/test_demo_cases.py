"""The five demo case files encode the vignettes (vignettes.md): figures, ages, not-assessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from clinic_app.domain.case_file import CaseFile, parse_case
from clinic_app.domain.derived import (
    bmi,
    days_since_injury,
    limb_symmetry_index,
    lunge_asymmetry_cm,
    step_down_score,
)
from clinic_app.domain.kujala import score_kujala
from clinic_app.domain.model_base import AffectedSide
from clinic_app.resources import resource

DEMO = resource("demo")


def load(number: int) -> CaseFile:
    return parse_case((DEMO / f"case{number}.json").read_text(encoding="utf-8"))


def test_there_are_five_cases_each_valid_and_titled() -> None:
    paths = sorted(Path(DEMO).glob("case*.json"))
    assert [path.name for path in paths] == [f"case{n}.json" for n in range(1, 6)]
    titles = [load(n).title for n in range(1, 6)]
    assert all(title and title.startswith(f"Case {n}:") for n, title in enumerate(titles, 1))


@pytest.mark.parametrize(("number", "age", "sex"), [
    (1, 26, "female"), (2, 13, "male"), (3, 58, "male"), (4, 19, "male"), (5, 34, "male"),
])
def test_ages_and_sex_match_the_vignettes(number: int, age: int, sex: str) -> None:
    case = load(number)
    assert case.patient.age_on(case.assessment.assessment_date) == age
    assert case.patient.sex.value == sex


def test_case1_figures_come_from_raw_measurements() -> None:
    assessment = load(1).assessment
    assert assessment.affected_side is AffectedSide.RIGHT
    hip_abduction = limb_symmetry_index(assessment.strength.hip_abduction, AffectedSide.RIGHT)
    external_rotation = limb_symmetry_index(
        assessment.strength.hip_external_rotation, AffectedSide.RIGHT
    )
    assert hip_abduction is not None and hip_abduction.percent == 78.0
    assert external_rotation is not None and external_rotation.percent == 82.0
    assert score_kujala(assessment.outcomes.kujala).total == 68
    assert step_down_score(assessment.functional.step_down.right) == 3
    assert lunge_asymmetry_cm(assessment.foot_ankle.lunge) == 0
    assert assessment.gait.cadence_spm == 160
    assert assessment.history.activity.shoe_age_km == 700
    assert (assessment.outcomes.pain.usual, assessment.outcomes.pain.worst_last_week) == (3, 6)


def test_case1_leaves_unmentioned_findings_not_assessed() -> None:
    assessment = load(1).assessment
    assert assessment.history.body.body_mass_kg is None
    assert assessment.patellar.right.lateral_facet_tender is None
    assert assessment.patellar.left.effusion is None
    assert assessment.strength.hip_extension.left.newtons is None
    assert assessment.screens.wells.calf_swelling_3cm is None


def test_case2_bmi_31_and_the_hip_findings() -> None:
    assessment = load(2).assessment
    assert bmi(assessment.history.body.height_cm, assessment.history.body.body_mass_kg) == 31.0
    rotation = assessment.screens.hip.internal_rotation_deg
    assert (rotation.left, rotation.right) == (0, 35)
    assert assessment.affected_side is AffectedSide.LEFT
    assert assessment.screens.hip.obligatory_external_rotation is True
    assert assessment.history.hip_and_back.limp is True


def test_case3_was_injured_yesterday_and_cannot_bear_weight() -> None:
    assessment = load(3).assessment
    assert days_since_injury(assessment) == 1
    assert assessment.history.trauma.weight_bearing_now.value == "unable_4_steps"
    assert assessment.screens.acute.patella_tender is True
    assert assessment.screens.acute.other_bony_tenderness is False
    assert assessment.screens.acute.can_flex_to_90 is False
    assert assessment.screens.acute.straight_leg_raise_possible is None  # still to be checked


def test_case4_and_case5_localise_the_pain() -> None:
    tendon = load(4).assessment
    assert tendon.screens.palpation.inferior_pole_tender is True
    assert tendon.screens.provocation.decline_squat_nprs == 6
    assert tendon.functional.squat.familiar_patellofemoral_pain is False
    itb = load(5).assessment
    assert itb.screens.palpation.lateral_epicondyle_tender is True
    assert itb.screens.provocation.noble_positive is True
    assert itb.screens.flexibility.modified_ober_deg.right == -14
