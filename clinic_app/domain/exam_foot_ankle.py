"""Ankle mobility and foot posture (reference.md section 3)."""

from __future__ import annotations

from pydantic import Field

from clinic_app.domain.model_base import Bilateral, DomainModel, finding, group


class LungeSide(DomainModel):
    distance_cm: float | None = finding(
        "Toe-to-wall distance", unit="cm", ge=0, le=25, step=0.5
    )
    angle_deg: float | None = finding("Tibial angle", unit="deg", ge=0, le=80)


class Lunge(Bilateral[LungeSide]):
    left: LungeSide = Field(default_factory=LungeSide, title="Left")
    right: LungeSide = Field(default_factory=LungeSide, title="Right")


class FootSide(DomainModel):
    fpi6_total: int | None = finding(
        "Foot Posture Index (FPI-6)", unit="points", ge=-12, le=12,
        help="0..+5 normal, +6..+9 pronated, +10..+12 highly pronated",
    )
    navicular_drop_mm: float | None = finding("Navicular drop", unit="mm", ge=0, le=30)
    midfoot_width_change_mm: float | None = finding(
        "Midfoot width change (non-weight-bearing to standing)", unit="mm", ge=0, le=30
    )


class FootPosture(Bilateral[FootSide]):
    left: FootSide = Field(default_factory=FootSide, title="Left")
    right: FootSide = Field(default_factory=FootSide, title="Right")


class FootAnkleExam(DomainModel):
    lunge: Lunge = group("Weight-bearing lunge", Lunge)
    foot: FootPosture = group("Foot posture", FootPosture)
