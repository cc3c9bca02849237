"""The rehab plan as a document: generated from the findings, then edited by the clinician.

Once edited it is stored on the assessment (``Assessment.rehab_plan``), so the
clinician's additions, removals, order and dosage changes are what gets exported.
"""

from __future__ import annotations

from pydantic import Field

from clinic_app.domain.model_base import Choice, DomainModel, relabel


class Phase(Choice):
    """Rehab phases [D]; structure from the 2016 consensus (reference.md section 7)."""

    SETTLE = "settle_and_educate"
    BUILD = "build_capacity"
    RETURN_TO_SPORT = "function_and_return_to_sport"
    MAINTENANCE = "maintenance"


relabel(
    {
        Phase.SETTLE: "Phase 1: settle and learn (weeks 0-2)",
        Phase.BUILD: "Phase 2: build strength (weeks 2-8)",
        Phase.RETURN_TO_SPORT: "Phase 3: back to full activity and sport (weeks 6-12)",
        Phase.MAINTENANCE: "Phase 4: keep it up (maintenance)",
    }
)


class Measure(Choice):
    """Parts of the plan that are not exercises from the library."""

    CADENCE_RETRAINING = "cadence_retraining"
    ORTHOSIS_TRIAL = "orthosis_trial"
    TAPING_TRIAL = "taping_trial"
    RETURN_TO_RUNNING = "return_to_running"
    REPLACE_SHOES = "replace_shoes"


relabel(
    {
        Measure.CADENCE_RETRAINING: "Running cadence retraining",
        Measure.ORTHOSIS_TRIAL: "Foot orthosis (insole) trial",
        Measure.TAPING_TRIAL: "Kneecap taping trial",
        Measure.RETURN_TO_RUNNING: "Return-to-running ladder",
        Measure.REPLACE_SHOES: "Replace your running shoes",
    }
)


class PlannedExercise(DomainModel):
    exercise_id: str = Field(title="Exercise", min_length=1, max_length=100)
    dose: str = Field(title="Dose (sets x repetitions or time)", min_length=1, max_length=200)
    frequency: str = Field(title="How often", max_length=200)
    reason: str = Field(default="", title="Why this exercise", max_length=500)


class PlannedMeasure(DomainModel):
    measure: Measure = Field(title="Measure")
    reason: str = Field(default="", title="Why", max_length=500)


class RehabPlan(DomainModel):
    phase: Phase = Field(title="Phase")
    phase_basis: str = Field(default="", title="Why this phase", max_length=500)
    loading_programme_allowed: bool = Field(
        title="Loading programme allowed",
        description="False when a red flag or urgent pathway replaces exercise with referral",
    )
    safety_checked: bool = Field(
        default=True,
        title="Checked by decision support",
        description="False when the plan was built without the red-flag rules",
    )
    referral_advice: str | None = Field(default=None, title="Referral advice", max_length=2000)
    exercises: list[PlannedExercise] = Field(default_factory=list, title="Exercises")
    measures: list[PlannedMeasure] = Field(default_factory=list, title="Other measures")
    note_to_patient: str | None = Field(
        default=None, title="Note to the patient", max_length=20000
    )

    def exercise_ids(self) -> list[str]:
        return [item.exercise_id for item in self.exercises]

    def has_measure(self, measure: Measure) -> bool:
        return any(item.measure is measure for item in self.measures)
