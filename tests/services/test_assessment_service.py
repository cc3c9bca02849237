"""AssessmentService on a real database (SQLite and PostgreSQL): start, load, autosave and
its refusals."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.patient import Patient, Sex
from clinic_app.services.assessments import AssessmentService
from clinic_app.services.patients import PatientService
from clinic_app.services.ports import NotFoundError, StaleWriteError
from clinic_app.storage.database import Database
from tests.services.database_state import audit_length

MARCH_FIRST = date(2024, 3, 1)


@pytest.fixture
def patient_id(database: Database) -> int:
    return PatientService(database.unit_of_work).register(
        Patient(family_name="Петров", given_names="Иван", date_of_birth=date(1970, 12, 31),
                sex=Sex.MALE)
    )


@pytest.fixture
def service(database: Database) -> AssessmentService:
    return AssessmentService(database.unit_of_work)


def test_start_creates_an_empty_draft_at_version_one(
    service: AssessmentService, patient_id: int
) -> None:
    record = service.start(patient_id, MARCH_FIRST, clinician="A. Physio")
    assert record.version == 1
    assert record.patient_id == patient_id
    assert record.assessment == Assessment(assessment_date=MARCH_FIRST, clinician="A. Physio")
    assert record.assessment.status is AssessmentStatus.DRAFT
    assert service.load(record.id) == record


def test_start_for_an_unknown_patient_is_not_found_and_writes_nothing(
    service: AssessmentService, patient_id: int, database: Database
) -> None:
    logged = audit_length(database)
    with pytest.raises(NotFoundError):
        service.start(patient_id + 1, MARCH_FIRST)
    assert service.for_patient(patient_id + 1) == []
    assert audit_length(database) == logged


def test_save_draft_with_the_current_version_is_committed(
    service: AssessmentService, patient_id: int
) -> None:
    started = service.start(patient_id, MARCH_FIRST)
    edited = started.assessment.model_copy(update={"clinician": "B. Physio"})
    saved = service.save_draft(started.id, edited, expected_version=started.version)
    assert saved.version == 2
    assert service.load(started.id).assessment.clinician == "B. Physio"


def test_save_draft_with_a_stale_version_is_refused_and_changes_nothing(
    service: AssessmentService, patient_id: int, database: Database
) -> None:
    started = service.start(patient_id, MARCH_FIRST)
    first = started.assessment.model_copy(update={"clinician": "first window"})
    service.save_draft(started.id, first, expected_version=1)
    logged = audit_length(database)

    second = started.assessment.model_copy(update={"clinician": "second window"})
    with pytest.raises(StaleWriteError):
        service.save_draft(started.id, second, expected_version=1)
    assert audit_length(database) == logged
    loaded = service.load(started.id)
    assert (loaded.version, loaded.assessment.clinician) == (2, "first window")


def test_unknown_assessment_is_not_found(service: AssessmentService) -> None:
    with pytest.raises(NotFoundError):
        service.load(5)
    with pytest.raises(NotFoundError):
        service.save_draft(5, Assessment(assessment_date=MARCH_FIRST), expected_version=1)


def test_for_patient_lists_that_patients_assessments_oldest_first(
    service: AssessmentService, patient_id: int
) -> None:
    later = service.start(patient_id, date(2024, 6, 1))
    earlier = service.start(patient_id, MARCH_FIRST)
    assert [s.id for s in service.for_patient(patient_id)] == [earlier.id, later.id]
    assert service.for_patient(patient_id + 1) == []
