"""Dates refused where they enter the services: on a real database, nothing written on refusal."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from clinic_app.domain.patient import Patient, Sex
from clinic_app.domain.plausible_dates import ImplausibleDateError
from clinic_app.services.assessments import AssessmentService
from clinic_app.services.patients import PatientService
from clinic_app.storage.database import Database
from tests.services.database_state import audit_length

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def clock() -> datetime:
    return NOW


def patient(born: date) -> Patient:
    return Patient(family_name="Okafor", given_names="Ada", date_of_birth=born, sex=Sex.FEMALE)


@pytest.fixture
def patients(database: Database) -> PatientService:
    return PatientService(database.unit_of_work, now=clock)


@pytest.mark.parametrize(
    ("born", "message"),
    [
        (date(2026, 5, 2), "Date of birth: 2026-05-02 is after today (2026-05-01)"),
        (date(1, 1, 1), "Date of birth: 0001-01-01 makes the patient 2025 years old; "
                        "expected an age from 0 to 120 (born on or after 1905-05-02)"),
    ],
)
def test_an_impossible_birth_date_is_refused_and_nothing_is_written(
    patients: PatientService, database: Database, born: date, message: str
) -> None:
    before = audit_length(database)
    with pytest.raises(ImplausibleDateError) as caught:
        patients.register(patient(born))
    assert str(caught.value).startswith(message)
    assert patients.count() == 0
    assert audit_length(database) == before


def test_editing_a_birth_date_into_the_future_is_refused(patients: PatientService) -> None:
    patient_id = patients.register(patient(date(1990, 1, 1)))
    with pytest.raises(ImplausibleDateError):
        patients.update(patient_id, patient(date(2999, 1, 1)))
    assert patients.get(patient_id).patient.date_of_birth == date(1990, 1, 1)


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (date(2026, 5, 3), "Assessment date: 2026-05-03 is in the future; expected a date on "
                           "or before 2026-05-02"),
        (date(1989, 12, 31), "Assessment date: 1989-12-31 is before the patient's date of birth"),
    ],
)
def test_an_impossible_assessment_date_is_refused_and_nothing_is_written(
    patients: PatientService, database: Database, on: date, message: str
) -> None:
    patient_id = patients.register(patient(date(1990, 1, 1)))
    assessments = AssessmentService(database.unit_of_work, now=clock)
    before = audit_length(database)
    with pytest.raises(ImplausibleDateError) as caught:
        assessments.start(patient_id, on)
    assert str(caught.value).startswith(message)
    assert assessments.for_patient(patient_id) == []
    assert audit_length(database) == before
    assert assessments.start(patient_id, date(2026, 5, 2)).assessment.assessment_date == date(
        2026, 5, 2
    )  # one day ahead is allowed (a clinic in another time zone)
