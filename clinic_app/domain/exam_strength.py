"""Hip and knee strength by dynamometer (N) or Oxford grade (reference.md section 3)."""

from __future__ import annotations

from pydantic import Field

from clinic_app.domain.model_base import Bilateral, DomainModel, finding, group


class StrengthSide(DomainModel):
    newtons: float | None = finding("Force", unit="N", ge=0, le=2000, step=1)
    lever_arm_m: float | None = finding("Lever arm", unit="m", ge=0.05, le=1.2, step=0.01)
    oxford_grade: int | None = finding("Oxford grade", unit="0-5", ge=0, le=5)


class MuscleGroupStrength(Bilateral[StrengthSide]):
    left: StrengthSide = Field(default_factory=StrengthSide, title="Left")
    right: StrengthSide = Field(default_factory=StrengthSide, title="Right")


class StrengthExam(DomainModel):
    hip_abduction: MuscleGroupStrength = group("Hip abduction", MuscleGroupStrength)
    hip_external_rotation: MuscleGroupStrength = group(
        "Hip external rotation", MuscleGroupStrength
    )
    hip_extension: MuscleGroupStrength = group("Hip extension", MuscleGroupStrength)
    knee_extension: MuscleGroupStrength = group("Knee extension", MuscleGroupStrength)

    def groups(self) -> dict[str, MuscleGroupStrength]:
        return {name: getattr(self, name) for name in type(self).model_fields}
