"""Outcome measures: NPRS, VAS, Kujala AKPS and the KOOS-PF total (reference.md section 4)."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.kujala import KujalaAnswers
from clinic_app.domain.model_base import DomainModel, finding, group


class PainScores(DomainModel):
    usual: int | None = finding("Usual pain", unit="points", ge=0, le=10)
    worst_last_week: int | None = finding("Worst pain in the last week", unit="points", ge=0, le=10)
    during_task: int | None = finding("Pain during a named task", unit="points", ge=0, le=10)
    task: str | None = finding("Named task", max_length=200)
    worst_vas_mm: float | None = finding("Worst pain (VAS)", unit="mm", ge=0, le=100)


class KoosPf(DomainModel):
    """The licensed item wording is not reproduced: the clinician enters the total."""

    total: float | None = finding(
        "KOOS-PF total", unit="0-100", ge=0, le=100, help="100 = no problems"
    )
    completed_on: date | None = finding("KOOS-PF completed on")


class OutcomeMeasures(DomainModel):
    pain: PainScores = group("Pain (NPRS)", PainScores)
    kujala: KujalaAnswers = group("Kujala Anterior Knee Pain Scale", KujalaAnswers)
    koos_pf: KoosPf = group("KOOS-PF", KoosPf)
