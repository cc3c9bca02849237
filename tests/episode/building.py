"""A baseline and follow-ups on a real database, as a clinician records them."""

from __future__ import annotations

from datetime import date
from typing import Any

from clinic_app.app import Services
from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import with_value
from clinic_app.domain.kujala import KUJALA_ITEMS
from clinic_app.domain.patient import Patient, Sex

PAIN = ("outcomes", "pain")


def kujala_answers(total_from_full: int) -> dict[tuple[str, ...], str]:
    """Answers worth 100 minus the points of the items given up, each to its lowest option
    until ``total_from_full`` points are lost (whole items, so totals are exact)."""
    answers: dict[tuple[str, ...], str] = {}
    to_lose = 100 - total_from_full
    for item in KUJALA_ITEMS:
        best = max(item.options, key=lambda option: option.points)
        chosen = best
        for option in sorted(item.options, key=lambda option: option.points):
            if best.points - option.points <= to_lose:
                chosen = option
                break
        to_lose -= best.points - chosen.points
        answers[("outcomes", "kujala", item.key)] = chosen.code
    return answers


def outcomes(akps: int, usual: int, worst: int) -> dict[tuple[str, ...], Any]:
    return {**kujala_answers(akps), (*PAIN, "usual"): usual, (*PAIN, "worst_last_week"): worst}


def record_baseline(services: Services, on: date, values: dict[tuple[str, ...], Any]) -> int:
    patient_id = services.patients.register(Patient(
        family_name="Ñúñez", given_names="Zoë", date_of_birth=date(1994, 5, 1), sex=Sex.FEMALE))
    record = services.assessments.start(patient_id, on, clinician="A. Clinician")
    document: Assessment = record.assessment
    for path, value in values.items():
        document = with_value(document, path, value)
    services.assessments.save_draft(record.id, document, record.version)
    return patient_id
