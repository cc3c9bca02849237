"""Gait and running observation (reference.md section 3)."""

from __future__ import annotations

from clinic_app.domain.model_base import AffectedSide, Choice, DomainModel, finding


class Severity(Choice):
    NONE = "none"
    MILD = "mild"
    MARKED = "marked"


class FootStrike(Choice):
    REARFOOT = "rearfoot"
    MIDFOOT = "midfoot"
    FOREFOOT = "forefoot"


class GaitExam(DomainModel):
    cadence_spm: int | None = finding(
        "Cadence", unit="steps/min", ge=60, le=260,
        help="<= 170 steps/min: candidate for cadence retraining",
    )
    overstriding: bool | None = finding("Overstriding")
    pelvic_drop: Severity | None = finding("Contralateral pelvic drop")
    pelvic_drop_deg: float | None = finding("Pelvic drop angle", unit="deg", ge=0, le=30)
    dynamic_knee_valgus: bool | None = finding("Dynamic knee valgus")
    trunk_lean: bool | None = finding("Trunk lean")
    foot_strike: FootStrike | None = finding("Foot strike")
    # Schema 2 (issue 11): the side each deviation was seen on.
    pelvic_drop_side: AffectedSide | None = finding("Pelvic drop seen when standing on")
    dynamic_knee_valgus_side: AffectedSide | None = finding("Dynamic knee valgus side")
    trunk_lean_side: AffectedSide | None = finding("Trunk lean towards")
    notes: str | None = finding("Gait notes", max_length=4000, multiline=True)
