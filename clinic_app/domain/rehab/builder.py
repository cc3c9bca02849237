"""Build the rehab plan from the findings (reference.md section 7).

Each rule below reads findings and adds an exercise or measure with the reason
shown to the clinician. A finding that was not assessed adds nothing and is never
read as "normal"; the generic core programme covers the unassessed case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision.rules_soft_tissue import OBER_TIGHT_ABOVE_DEG
from clinic_app.domain.derived import (
    LUNGE_ASYMMETRY_FLAG_CM,
    LUNGE_RESTRICTED_BELOW_CM,
    involved_and_other,
    limb_symmetry_index,
    lunge_asymmetry_cm,
    oxford_deficit,
    step_down_score,
)
from clinic_app.domain.exam_functional import Rating
from clinic_app.domain.exam_strength import MuscleGroupStrength
from clinic_app.domain.history import (
    ActivityType,
    AggravatingActivity,
    PainRegion,
    TreatmentResponse,
)
from clinic_app.domain.model_base import Side
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import Measure, Phase, PlannedExercise, PlannedMeasure, RehabPlan

if TYPE_CHECKING:
    from clinic_app.domain.decision.model import Evaluation

CADENCE_RETRAINING_AT_OR_BELOW_SPM = 170  # [S] reference.md section 3
PRONATED_FPI6_FROM = 6  # [V] FPI-6 +6..+9 pronated
SHOE_REPLACE_FROM_KM = 480  # source article: 300-500 miles / 480-800 km
BUILD_PHASE_FROM_WEEKS = 2  # [D] phases, reference.md section 7
RETURN_PHASE_FROM_WEEKS = 6  # [D]
COMBINED_HIP_KNEE = "Combined hip and knee exercise is recommended (Crossley 2016 part 2)"


@dataclass
class _Draft:
    library: ExerciseLibrary
    exercises: list[PlannedExercise] = field(default_factory=list)
    measures: list[PlannedMeasure] = field(default_factory=list)

    def add(self, exercise_id: str, reason: str) -> None:
        if any(item.exercise_id == exercise_id for item in self.exercises):
            return
        exercise = self.library.get(exercise_id)
        self.exercises.append(
            PlannedExercise(
                exercise_id=exercise.id, dose=exercise.default_dose,
                frequency=exercise.frequency, reason=reason,
            )
        )

    def measure(self, measure: Measure, reason: str) -> None:
        if not any(item.measure is measure for item in self.measures):
            self.measures.append(PlannedMeasure(measure=measure, reason=reason))


def build_rehab_plan(
    assessment: Assessment, evaluation: Evaluation | None, library: ExerciseLibrary,
    chosen: tuple[Phase, str] | None = None,
) -> RehabPlan:
    """The generated plan; ``evaluation`` None means the red-flag rules could not run.

    ``chosen``: the phase decided at a follow-up by its criteria, and why (else by weeks)."""
    phase, basis = chosen or choose_phase(assessment)
    if evaluation is not None and not evaluation.conclusion.loading_programme_allowed:
        conclusion = evaluation.conclusion
        advice = conclusion.referral or conclusion.summary
        return RehabPlan(
            phase=Phase.SETTLE, phase_basis=basis, loading_programme_allowed=False,
            referral_advice=f"{conclusion.top_urgency.label}: {advice}",
        )
    draft = _Draft(library)
    _core_knee(draft, phase)
    _hip(draft, assessment, phase)
    _quadriceps(draft, assessment)
    _movement_control(draft, assessment)
    _ankle_and_soft_tissue(draft, assessment)
    _running(draft, assessment, phase)
    _foot_and_taping(draft, assessment, phase)
    return RehabPlan(
        phase=phase, phase_basis=basis, loading_programme_allowed=True,
        safety_checked=evaluation is not None,
        exercises=draft.exercises, measures=draft.measures,
    )


def plan_for_export(
    assessment: Assessment, evaluation: Evaluation | None, library: ExerciseLibrary
) -> RehabPlan:
    """The clinician's edited plan when there is one, unless a red flag now forbids loading."""
    stored = assessment.rehab_plan
    if stored is None:
        return build_rehab_plan(assessment, evaluation, library)
    if evaluation is not None and not evaluation.conclusion.loading_programme_allowed:
        referral = build_rehab_plan(assessment, evaluation, library)
        return referral.model_copy(update={"note_to_patient": stored.note_to_patient})
    return stored


def choose_phase(assessment: Assessment) -> tuple[Phase, str]:
    weeks = assessment.history.treatment.weeks
    if weeks is None:
        return Phase.SETTLE, "no treatment recorded yet: start at phase 1 (product default)"
    if weeks < BUILD_PHASE_FROM_WEEKS:
        phase = Phase.SETTLE
    elif weeks < RETURN_PHASE_FROM_WEEKS:
        phase = Phase.BUILD
    else:
        phase = Phase.RETURN_TO_SPORT
    return phase, f"{weeks:g} weeks of treatment so far (phase by weeks: product default)"


def _sides(assessment: Assessment) -> tuple[Side, ...]:
    sides = involved_and_other(assessment.affected_side)
    return (sides[0],) if sides else (Side.LEFT, Side.RIGHT)


def _core_knee(draft: _Draft, phase: Phase) -> None:
    core = "Knee-targeted core programme for this phase"
    if phase is Phase.SETTLE:
        draft.add("isometric_wall_sit", f"{core}: holds ease pain")
        draft.add("mini_squat_band", f"{core}: low knee-stress range (0-45 degrees)")
    elif phase is Phase.BUILD:
        draft.add("mini_squat_band", core)
        draft.add("leg_press_squat", f"{core}: progressive strengthening")
    else:
        draft.add("leg_press_squat", core)
        draft.add("split_squat_lunge", f"{core}: single-leg strength")
        draft.add("hops_landing", f"{core}: plyometrics in phase 3")


def _deficit(strength: MuscleGroupStrength, assessment: Assessment) -> str | None:
    """A short description of a strength deficit, or None (also when not assessed)."""
    lsi = limb_symmetry_index(strength, assessment.affected_side)
    if lsi is not None and lsi.deficit:
        return f"limb symmetry index {lsi.percent:g}% (< 90%, product default)"
    if lsi is None and oxford_deficit(strength):
        return "Oxford grade below 5 or a side difference"
    return None


def _hip(draft: _Draft, assessment: Assessment, phase: Phase) -> None:
    strength = assessment.strength
    abduction = _deficit(strength.hip_abduction, assessment)
    rotation = _deficit(strength.hip_external_rotation, assessment)
    extension = _deficit(strength.hip_extension, assessment)
    if abduction:
        draft.add("side_lying_hip_abduction", f"Hip abductor weakness: {abduction}")
        if phase is not Phase.SETTLE:
            draft.add("lateral_band_walk", f"Hip abductor weakness: {abduction}")
    if rotation:
        draft.add("clamshell", f"Hip external rotator weakness: {rotation}")
    if extension:
        draft.add("bridge", f"Hip extensor weakness: {extension}")
    if not (abduction or rotation or extension):
        draft.add("side_lying_hip_abduction", COMBINED_HIP_KNEE)


def _quadriceps(draft: _Draft, assessment: Assessment) -> None:
    deficit = _deficit(assessment.strength.knee_extension, assessment)
    if deficit:
        draft.add("seated_knee_extension", f"Quadriceps deficit: {deficit}")
        draft.add("isometric_wall_sit", f"Quadriceps deficit: {deficit}")


def _movement_control(draft: _Draft, assessment: Assessment) -> None:
    functional = assessment.functional
    for side in _sides(assessment):
        score = step_down_score(functional.step_down.side(side))
        if score is not None and score >= 2:
            draft.add(
                "step_up_step_down",
                f"Lateral step-down score {score} on the {side.value} (2 or more: retrain control)",
            )
        rating = functional.single_leg_squat.side(side).overall
        if rating in (Rating.FAIR, Rating.POOR):
            draft.add(
                "step_up_step_down",
                f"Single-leg squat rated {rating.value} on the {side.value}",
            )


def _ankle_and_soft_tissue(draft: _Draft, assessment: Assessment) -> None:
    lunge = assessment.foot_ankle.lunge
    asymmetry = lunge_asymmetry_cm(lunge)
    if asymmetry is not None and asymmetry >= LUNGE_ASYMMETRY_FLAG_CM:
        draft.add(
            "calf_stretch_ankle_mobilisation",
            f"Lunge test asymmetry {asymmetry:g} cm (flag from 2 cm, product default)",
        )
    for side in (Side.LEFT, Side.RIGHT):
        distance = lunge.side(side).distance_cm
        if distance is not None and distance < LUNGE_RESTRICTED_BELOW_CM:
            draft.add(
                "calf_stretch_ankle_mobilisation",
                f"Lunge test {distance:g} cm on the {side.value} (< 10 cm restricted, unverified "
                "default)",
            )
    flexibility = assessment.screens.flexibility
    for side in _sides(assessment):
        if flexibility.hamstrings_tight.side(side):
            draft.add("hamstring_stretch", f"Tight hamstrings on the {side.value}")
    regions = assessment.history.complaint.pain_regions or set()
    if (
        PainRegion.LATERAL_FEMORAL_EPICONDYLE in regions
        or assessment.screens.provocation.noble_positive
    ):
        draft.add("itb_foam_rolling", "Lateral knee pain at the iliotibial band")
    for side in _sides(assessment):
        ober = flexibility.modified_ober_deg.side(side)
        if ober is not None and ober > OBER_TIGHT_ABOVE_DEG:
            draft.add(
                "itb_foam_rolling",
                f"Modified Ober {ober:g} deg on the {side.value} (tight above "
                f"{OBER_TIGHT_ABOVE_DEG:g} deg)",
            )


def is_runner(assessment: Assessment) -> bool:
    activity = assessment.history.activity
    aggravating = assessment.history.complaint.aggravating_activities or set()
    return (
        ActivityType.RUNNING in (activity.activity_types or set())
        or AggravatingActivity.RUNNING in aggravating
    )


def running_cadence(assessment: Assessment) -> int | None:
    return assessment.gait.cadence_spm or assessment.history.activity.reported_cadence_spm


def _running(draft: _Draft, assessment: Assessment, phase: Phase) -> None:
    cadence = running_cadence(assessment)
    if cadence is not None and cadence <= CADENCE_RETRAINING_AT_OR_BELOW_SPM:
        draft.measure(
            Measure.CADENCE_RETRAINING,
            f"Cadence {cadence} steps/min (170 or below: +5-10% retraining)",
        )
    shoe_km = assessment.history.activity.shoe_age_km
    if shoe_km is not None and shoe_km >= SHOE_REPLACE_FROM_KM:
        draft.measure(
            Measure.REPLACE_SHOES,
            f"Shoes about {shoe_km:g} km old (replace every 480-800 km)",
        )
    if not is_runner(assessment):
        return
    draft.add("dynamic_warm_up", "Runner: 5-minute dynamic warm-up before every run")
    draft.measure(
        Measure.RETURN_TO_RUNNING,
        "Runner: graded return" + (" once the entry criteria are met" if phase is Phase.SETTLE
                                   else " with entry criteria"),
    )


def _foot_and_taping(draft: _Draft, assessment: Assessment, phase: Phase) -> None:
    treatment = assessment.history.treatment
    for side in _sides(assessment):
        fpi = assessment.foot_ankle.foot.side(side).fpi6_total
        if (
            fpi is not None and fpi >= PRONATED_FPI6_FROM
            and treatment.orthosis_response is not TreatmentResponse.WORSE
        ):
            draft.measure(
                Measure.ORTHOSIS_TRIAL,
                f"Foot Posture Index +{fpi} on the {side.value} (pronated from +6)",
            )
    if phase is Phase.SETTLE and treatment.taping_response not in (
        TreatmentResponse.NO_CHANGE, TreatmentResponse.WORSE,
    ):
        draft.measure(
            Measure.TAPING_TRIAL,
            "Optional in phase 1; kept only if a retest shows less pain",
        )
