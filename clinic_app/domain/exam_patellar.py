"""Patellar glide, tilt and tracking (reference.md section 3)."""

from __future__ import annotations

from pydantic import Field

from clinic_app.domain.model_base import Bilateral, Choice, DomainModel, finding, relabel


class EffusionGrade(Choice):
    """Stroke test grades (Sturgill 2009)."""

    ZERO = "zero"
    TRACE = "trace"
    ONE_PLUS = "one_plus"
    TWO_PLUS = "two_plus"
    THREE_PLUS = "three_plus"

    @property
    def at_least_one_plus(self) -> bool:
        return self in (EffusionGrade.ONE_PLUS, EffusionGrade.TWO_PLUS, EffusionGrade.THREE_PLUS)


relabel(
    {
        EffusionGrade.ZERO: "0",
        EffusionGrade.TRACE: "Trace",
        EffusionGrade.ONE_PLUS: "1+",
        EffusionGrade.TWO_PLUS: "2+",
        EffusionGrade.THREE_PLUS: "3+",
    }
)


class Crepitus(Choice):
    NONE = "none"
    MILD = "mild"
    MARKED = "marked"


class PatellarSide(DomainModel):
    medial_glide_quadrants: float | None = finding(
        "Medial glide", unit="quadrants", ge=0, le=4, step=0.5,
        help="< 1 quadrant suggests tight lateral structures",
    )
    lateral_glide_quadrants: float | None = finding(
        "Lateral glide", unit="quadrants", ge=0, le=4, step=0.5,
        help="> 3 quadrants suggests hypermobility",
    )
    tilt_hypomobile: bool | None = finding(
        "Patellar tilt hypomobile", help="Lateral edge cannot be lifted to horizontal"
    )
    tilt_degrees: float | None = finding("Patellar tilt estimate", unit="deg", ge=-30, le=45)
    j_sign: bool | None = finding("J-sign present")
    apprehension: bool | None = finding(
        "Apprehension test positive", help="Apprehension or guarding, not pain alone"
    )
    clarke_sign: bool | None = finding("Clarke's sign (pain)", help="Recorded only: low value")
    crepitus: Crepitus | None = finding("Crepitus")
    medial_facet_tender: bool | None = finding("Medial facet tender")
    lateral_facet_tender: bool | None = finding("Lateral facet tender")
    effusion: EffusionGrade | None = finding("Effusion (stroke test)")


class PatellarExam(Bilateral[PatellarSide]):
    left: PatellarSide = Field(default_factory=PatellarSide, title="Left")
    right: PatellarSide = Field(default_factory=PatellarSide, title="Right")
