"""Derived values: computed from findings, None whenever an input was not assessed."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.derived import (
    bmi,
    days_since_injury,
    limb_symmetry_index,
    lunge_asymmetry_cm,
    lunge_asymmetry_deg,
    oxford_deficit,
    percent_body_weight,
    step_down_quality,
    step_down_score,
    torque_per_kg,
    wells_score,
)
from clinic_app.domain.exam_foot_ankle import Lunge, LungeSide
from clinic_app.domain.exam_functional import KneePositionOnStepDown, StepDownSide
from clinic_app.domain.exam_strength import MuscleGroupStrength, StrengthSide
from clinic_app.domain.model_base import AffectedSide, Side

DAY = date(2025, 3, 10)


def strength(left: float | None, right: float | None) -> MuscleGroupStrength:
    return MuscleGroupStrength(left=StrengthSide(newtons=left), right=StrengthSide(newtons=right))


class TestBodyMassIndex:
    def test_kg_over_metres_squared_to_one_decimal(self) -> None:
        assert bmi(180, 81) == 25.0
        assert bmi(158, 77.5) == 31.0
        assert bmi(165, 60) == pytest.approx(22.0)

    @pytest.mark.parametrize(("height", "mass"), [(None, 70), (170, None), (None, None)])
    def test_needs_both_height_and_mass(self, height: float | None, mass: float | None) -> None:
        assert bmi(height, mass) is None


class TestStrengthNormalisation:
    def test_percent_body_weight_is_newtons_over_weight_in_newtons(self) -> None:
        # 196.2 N / (20 kg x 9.81) x 100 = 100 %
        assert percent_body_weight(StrengthSide(newtons=196.2), 20) == 100.0
        assert percent_body_weight(StrengthSide(newtons=150), 60) == round(
            150 / (60 * 9.81) * 100, 1
        )

    def test_percent_body_weight_needs_force_and_mass(self) -> None:
        assert percent_body_weight(StrengthSide(newtons=150), None) is None
        assert percent_body_weight(StrengthSide(), 60) is None

    def test_torque_per_kg_uses_the_lever_arm(self) -> None:
        assert torque_per_kg(StrengthSide(newtons=200, lever_arm_m=0.4), 80) == 1.0
        assert torque_per_kg(StrengthSide(newtons=150, lever_arm_m=0.35), 60) == 0.88

    def test_torque_per_kg_without_a_lever_arm_is_not_guessed(self) -> None:
        assert torque_per_kg(StrengthSide(newtons=200), 80) is None
        assert torque_per_kg(StrengthSide(newtons=200, lever_arm_m=0.4), None) is None


class TestLimbSymmetryIndex:
    def test_involved_over_uninvolved_when_one_side_is_affected(self) -> None:
        lsi = limb_symmetry_index(strength(200, 156), AffectedSide.RIGHT)
        assert lsi is not None
        assert lsi.percent == 78.0
        assert lsi.basis == "involved/uninvolved"
        assert lsi.weaker_side is Side.RIGHT
        assert lsi.deficit

    def test_involved_side_may_be_the_stronger_one(self) -> None:
        lsi = limb_symmetry_index(strength(200, 156), AffectedSide.LEFT)
        assert lsi is not None
        assert lsi.percent == round(200 / 156 * 100, 1)
        assert lsi.weaker_side is Side.RIGHT
        assert not lsi.deficit

    @pytest.mark.parametrize("affected", [AffectedSide.BOTH, None])
    def test_weaker_over_stronger_without_a_single_affected_side(
        self, affected: AffectedSide | None
    ) -> None:
        lsi = limb_symmetry_index(strength(90, 100), affected)
        assert lsi is not None
        assert lsi.percent == 90.0
        assert lsi.basis == "weaker/stronger"
        assert lsi.weaker_side is Side.LEFT
        assert not lsi.deficit  # the deficit flag starts below 90 %

    def test_equal_sides_have_no_weaker_side(self) -> None:
        lsi = limb_symmetry_index(strength(120, 120), None)
        assert lsi is not None
        assert (lsi.percent, lsi.weaker_side) == (100.0, None)

    @pytest.mark.parametrize(("left", "right"), [(None, 100), (100, None), (None, None)])
    def test_needs_both_sides(self, left: float | None, right: float | None) -> None:
        assert limb_symmetry_index(strength(left, right), AffectedSide.RIGHT) is None

    def test_zero_reference_side_gives_no_index(self) -> None:
        assert limb_symmetry_index(strength(0, 50), AffectedSide.RIGHT) is None
        assert limb_symmetry_index(strength(0, 0), None) is None

    def test_oxford_deficit_needs_a_grade(self) -> None:
        def graded(left: int | None, right: int | None) -> MuscleGroupStrength:
            return MuscleGroupStrength(
                left=StrengthSide(oxford_grade=left), right=StrengthSide(oxford_grade=right)
            )

        assert oxford_deficit(graded(None, None)) is None
        assert oxford_deficit(graded(5, 5)) is False
        assert oxford_deficit(graded(5, 4)) is True
        assert oxford_deficit(graded(4, None)) is True


class TestLunge:
    def test_asymmetry_in_cm_and_degrees(self) -> None:
        lunge = Lunge(
            left=LungeSide(distance_cm=11, angle_deg=40),
            right=LungeSide(distance_cm=8.5, angle_deg=31.5),
        )
        assert lunge_asymmetry_cm(lunge) == 2.5
        assert lunge_asymmetry_deg(lunge) == 8.5

    def test_symmetric_lunge_is_zero_not_missing(self) -> None:
        lunge = Lunge(left=LungeSide(distance_cm=11), right=LungeSide(distance_cm=11))
        assert lunge_asymmetry_cm(lunge) == 0
        assert lunge_asymmetry_deg(lunge) is None

    def test_one_side_only_gives_no_asymmetry(self) -> None:
        assert lunge_asymmetry_cm(Lunge(left=LungeSide(distance_cm=11))) is None


class TestStepDown:
    def test_piva_score_adds_the_items(self) -> None:
        side = StepDownSide(
            hand_leaves_waist=True,
            trunk_lean=False,
            pelvis_not_level=True,
            knee_position=KneePositionOnStepDown.MEDIAL_TO_FOOT_BORDER,
            unsteady_or_steps_down=True,
        )
        assert step_down_score(side) == 5

    @pytest.mark.parametrize(
        ("position", "points"),
        [
            (KneePositionOnStepDown.ALIGNED, 0),
            (KneePositionOnStepDown.MEDIAL_TO_SECOND_TOE, 1),
            (KneePositionOnStepDown.MEDIAL_TO_FOOT_BORDER, 2),
        ],
    )
    def test_knee_position_points(self, position: KneePositionOnStepDown, points: int) -> None:
        side = StepDownSide(
            hand_leaves_waist=False, trunk_lean=False, pelvis_not_level=False,
            knee_position=position, unsteady_or_steps_down=False,
        )
        assert step_down_score(side) == points

    def test_no_score_while_an_item_is_not_assessed(self) -> None:
        side = StepDownSide(
            hand_leaves_waist=False, trunk_lean=False, pelvis_not_level=False,
            knee_position=KneePositionOnStepDown.ALIGNED,
        )
        assert step_down_score(side) is None
        assert step_down_score(StepDownSide()) is None

    @pytest.mark.parametrize(
        ("score", "quality"),
        [(0, "good"), (1, "good"), (2, "moderate"), (3, "moderate"), (4, "poor"), (6, "poor")],
    )
    def test_quality_bands(self, score: int, quality: str) -> None:
        assert step_down_quality(score) == quality


class TestWellsScore:
    def test_nothing_assessed_leaves_every_item_open(self) -> None:
        score = wells_score(Assessment(assessment_date=DAY))
        assert score.known_points == 0
        assert not score.complete
        assert len(score.unassessed) == 10
        assert score.maximum_possible == 9
        assert score.minimum_possible == -2

    def test_all_items_assessed(self) -> None:
        assessment = Assessment.model_validate(
            {
                "assessment_date": DAY,
                "history": {
                    "systemic": {"active_cancer": True},
                    "thrombosis": {
                        "recent_immobilisation": False,
                        "surgery_within_12_weeks": True,
                        "previous_vte": False,
                    },
                },
                "screens": {
                    "wells": {
                        "entire_leg_swollen": False,
                        "calf_swelling_3cm": True,
                        "pitting_oedema": False,
                        "collateral_superficial_veins": False,
                        "deep_vein_tenderness": True,
                        "alternative_diagnosis_as_likely": True,
                    }
                },
            }
        )
        score = wells_score(assessment)
        assert score.complete
        assert score.known_points == 1 + 1 + 1 + 1 - 2
        assert score.maximum_possible == score.minimum_possible == 2

    def test_partial_score_shows_the_range_it_could_still_reach(self) -> None:
        assessment = Assessment.model_validate(
            {"assessment_date": DAY, "screens": {"wells": {"calf_swelling_3cm": True}}}
        )
        score = wells_score(assessment)
        assert score.known_points == 1
        assert "calf_swelling_3cm" not in score.unassessed
        assert score.minimum_possible == -1
        assert score.maximum_possible == 1 + 8


def test_days_since_injury() -> None:
    assessment = Assessment.model_validate(
        {"assessment_date": DAY, "history": {"trauma": {"injury_date": "2025-03-03"}}}
    )
    assert days_since_injury(assessment) == 7
    assert days_since_injury(Assessment(assessment_date=DAY)) is None
