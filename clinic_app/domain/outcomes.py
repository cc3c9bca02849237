"""Outcome measures: NPRS, VAS, Kujala AKPS and the KOOS-PF total (reference.md section 4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clinic_app.domain.kujala import KujalaAnswers, score_kujala
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


class KujalaEnteredTotal(DomainModel):
    """The AKPS total from elsewhere (a questionnaire scored on paper): the items stay the
    preferred record; this is used only while they are incomplete."""

    total: int | None = finding(
        "Kujala AKPS total (entered)", unit="points", ge=0, le=100,
        help="Only when the 13 items are not available; 100 = no problems",
    )


class OutcomeMeasures(DomainModel):
    pain: PainScores = group("Pain (NPRS)", PainScores)
    kujala: KujalaAnswers = group("Kujala Anterior Knee Pain Scale", KujalaAnswers)
    koos_pf: KoosPf = group("KOOS-PF", KoosPf)
    # Schema 2 (issue 11).
    kujala_entered: KujalaEnteredTotal = group("Kujala AKPS total entered", KujalaEnteredTotal)


@dataclass(frozen=True)
class AkpsTotal:
    value: int
    entered: bool  # the entered total, not scored from the items


def akps_total(outcomes: OutcomeMeasures) -> AkpsTotal | None:
    """The AKPS from the 13 items when all are answered, else the entered total, if any."""
    scored = score_kujala(outcomes.kujala).total
    if scored is not None:
        return AkpsTotal(scored, entered=False)
    entered = outcomes.kujala_entered.total
    return None if entered is None else AkpsTotal(entered, entered=True)
