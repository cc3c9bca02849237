"""Values computed from findings, never stored: BMI, %BW, Nm/kg, LSI, asymmetries, scores."""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.exam_foot_ankle import Lunge
from clinic_app.domain.exam_functional import StepDownSide
from clinic_app.domain.exam_strength import MuscleGroupStrength, StrengthSide
from clinic_app.domain.model_base import AffectedSide, Side

GRAVITY = 9.81
LSI_DEFICIT_BELOW_PERCENT = 90.0  # [D] reference.md section 3
LUNGE_ASYMMETRY_FLAG_CM = 2.0  # [D] reference.md section 3
LUNGE_RESTRICTED_BELOW_CM = 10.0  # [U] reference.md section 3


def bmi(height_cm: float | None, body_mass_kg: float | None) -> float | None:
    if height_cm is None or body_mass_kg is None:
        return None
    metres = height_cm / 100
    return round(body_mass_kg / (metres * metres), 1)


def percent_body_weight(side: StrengthSide, body_mass_kg: float | None) -> float | None:
    """Force as a percentage of body weight: N / (kg x 9.81) x 100."""
    if side.newtons is None or body_mass_kg is None:
        return None
    return round(side.newtons / (body_mass_kg * GRAVITY) * 100, 1)


def torque_per_kg(side: StrengthSide, body_mass_kg: float | None) -> float | None:
    """Torque normalised to body mass (Nm/kg), when the lever arm was measured."""
    if side.newtons is None or side.lever_arm_m is None or body_mass_kg is None:
        return None
    return round(side.newtons * side.lever_arm_m / body_mass_kg, 2)


def involved_and_other(affected: AffectedSide | None) -> tuple[Side, Side] | None:
    """(involved, uninvolved) sides when exactly one side is affected."""
    if affected is AffectedSide.LEFT:
        return Side.LEFT, Side.RIGHT
    if affected is AffectedSide.RIGHT:
        return Side.RIGHT, Side.LEFT
    return None


@dataclass(frozen=True)
class SymmetryIndex:
    percent: float
    weaker_side: Side | None
    basis: str  # "involved/uninvolved" or "weaker/stronger"

    @property
    def deficit(self) -> bool:
        return self.percent < LSI_DEFICIT_BELOW_PERCENT


def limb_symmetry_index(
    strength: MuscleGroupStrength, affected: AffectedSide | None
) -> SymmetryIndex | None:
    """LSI from dynamometer forces: involved / uninvolved x 100.

    With both or no side affected it is the weaker over the stronger side.
    """
    left, right = strength.left.newtons, strength.right.newtons
    if left is None or right is None:
        return None
    weaker = Side.LEFT if left < right else Side.RIGHT if right < left else None
    sides = involved_and_other(affected)
    if sides is not None:
        involved, other = (strength.side(s).newtons for s in sides)
        assert involved is not None and other is not None
        if other == 0:
            return None
        return SymmetryIndex(round(involved / other * 100, 1), weaker, "involved/uninvolved")
    stronger = max(left, right)
    if stronger == 0:
        return None
    return SymmetryIndex(round(min(left, right) / stronger * 100, 1), weaker, "weaker/stronger")


def oxford_deficit(strength: MuscleGroupStrength) -> bool | None:
    """[D] grade below 5 or a side difference; None when neither side was graded."""
    grades = [g for g in (strength.left.oxford_grade, strength.right.oxford_grade) if g is not None]
    if not grades:
        return None
    return min(grades) < 5 or len(set(grades)) > 1


def lunge_asymmetry_cm(lunge: Lunge) -> float | None:
    left, right = lunge.left.distance_cm, lunge.right.distance_cm
    if left is None or right is None:
        return None
    return round(abs(left - right), 1)


def lunge_asymmetry_deg(lunge: Lunge) -> float | None:
    left, right = lunge.left.angle_deg, lunge.right.angle_deg
    if left is None or right is None:
        return None
    return round(abs(left - right), 1)


def step_down_score(side: StepDownSide) -> int | None:
    """Piva 2006 score 0-6; only when every item was assessed."""
    items = (
        side.hand_leaves_waist,
        side.trunk_lean,
        side.pelvis_not_level,
        side.unsteady_or_steps_down,
    )
    if any(item is None for item in items) or side.knee_position is None:
        return None
    return sum(1 for item in items if item) + side.knee_position.points


def step_down_quality(score: int) -> str:
    return "good" if score <= 1 else "moderate" if score <= 3 else "poor"


@dataclass(frozen=True)
class WellsScore:
    """Known points, and how far unassessed items could move the score."""

    known_points: int
    unassessed: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.unassessed

    @property
    def maximum_possible(self) -> int:
        return self.known_points + sum(
            0 if name == "alternative_diagnosis_as_likely" else 1 for name in self.unassessed
        )

    @property
    def minimum_possible(self) -> int:
        minus = 2 if "alternative_diagnosis_as_likely" in self.unassessed else 0
        return self.known_points - minus


def wells_score(assessment: Assessment) -> WellsScore:
    """Wells DVT score from history (cancer, immobilisation, surgery, previous DVT) and exam."""
    history = assessment.history
    wells = assessment.screens.wells
    items: dict[str, tuple[bool | None, int]] = {
        "active_cancer": (history.systemic.active_cancer, 1),
        "recent_immobilisation": (history.thrombosis.recent_immobilisation, 1),
        "surgery_within_12_weeks": (history.thrombosis.surgery_within_12_weeks, 1),
        "previous_vte": (history.thrombosis.previous_vte, 1),
        "entire_leg_swollen": (wells.entire_leg_swollen, 1),
        "calf_swelling_3cm": (wells.calf_swelling_3cm, 1),
        "pitting_oedema": (wells.pitting_oedema, 1),
        "collateral_superficial_veins": (wells.collateral_superficial_veins, 1),
        "deep_vein_tenderness": (wells.deep_vein_tenderness, 1),
        "alternative_diagnosis_as_likely": (wells.alternative_diagnosis_as_likely, -2),
    }
    known = sum(points for value, points in items.values() if value)
    missing = tuple(name for name, (value, _) in items.items() if value is None)
    return WellsScore(known, missing)


def days_since_injury(assessment: Assessment) -> int | None:
    injury = assessment.history.trauma.injury_date
    if injury is None:
        return None
    return (assessment.assessment_date - injury).days
