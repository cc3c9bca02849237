"""Functional tests: squat, lateral step-down, single-leg squat (reference.md section 3)."""

from __future__ import annotations

from pydantic import Field

from clinic_app.domain.model_base import (
    Bilateral,
    Choice,
    DomainModel,
    finding,
    group,
    relabel,
)


class KneePositionOnStepDown(Choice):
    """Tibial tuberosity position relative to the foot during the lateral step-down."""

    ALIGNED = "aligned"
    MEDIAL_TO_SECOND_TOE = "medial_to_second_toe"
    MEDIAL_TO_FOOT_BORDER = "medial_to_foot_border"

    @property
    def points(self) -> int:
        return {"aligned": 0, "medial_to_second_toe": 1, "medial_to_foot_border": 2}[self.value]


relabel(
    {
        KneePositionOnStepDown.ALIGNED: "Over the second toe or lateral (0)",
        KneePositionOnStepDown.MEDIAL_TO_SECOND_TOE: "Medial to the second toe (+1)",
        KneePositionOnStepDown.MEDIAL_TO_FOOT_BORDER: "Medial to the medial foot border (+2)",
    }
)


class Rating(Choice):
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


class DoubleLegSquat(DomainModel):
    pain: bool | None = finding("Pain on squat")
    familiar_patellofemoral_pain: bool | None = finding(
        "Reproduces the familiar retro- or peripatellar pain"
    )
    nprs: int | None = finding("Pain during squat", unit="points", ge=0, le=10)
    onset_angle_deg: float | None = finding(
        "Knee angle at pain onset", unit="deg", ge=0, le=160
    )


class StepDownSide(DomainModel):
    hand_leaves_waist: bool | None = finding("Hand leaves waist (+1)")
    trunk_lean: bool | None = finding("Trunk lean (+1)")
    pelvis_not_level: bool | None = finding("Pelvis not level (+1)")
    knee_position: KneePositionOnStepDown | None = finding("Knee position")
    unsteady_or_steps_down: bool | None = finding("Unsteady or steps down (+1)")
    pain: bool | None = finding("Pain during step-down")
    familiar_patellofemoral_pain: bool | None = finding(
        "Reproduces the familiar retro- or peripatellar pain"
    )


class StepDown(Bilateral[StepDownSide]):
    left: StepDownSide = Field(default_factory=StepDownSide, title="Left")
    right: StepDownSide = Field(default_factory=StepDownSide, title="Right")


class SingleLegSquatSide(DomainModel):
    overall: Rating | None = finding("Overall")
    trunk: Rating | None = finding("Trunk")
    pelvis: Rating | None = finding("Pelvis")
    hip: Rating | None = finding("Hip")
    knee: Rating | None = finding("Knee")


class SingleLegSquat(Bilateral[SingleLegSquatSide]):
    left: SingleLegSquatSide = Field(default_factory=SingleLegSquatSide, title="Left")
    right: SingleLegSquatSide = Field(default_factory=SingleLegSquatSide, title="Right")


class FunctionalExam(DomainModel):
    squat: DoubleLegSquat = group("Double-leg squat", DoubleLegSquat)
    step_down: StepDown = group("Lateral step-down (20 cm, Piva 2006)", StepDown)
    single_leg_squat: SingleLegSquat = group("Single-leg squat (Crossley 2011)", SingleLegSquat)
