"""AssessmentService over the fake unit of work: start, load, autosave and its refusals."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.patient import Patient, Sex
from clinic_app.services.assessments import AssessmentService
from clinic_app.services.ports import NotFoundError, StaleWriteError
from tests.services.fakes import FakeStore, FakeUnitOfWorkFactory

MARCH_FIRST = date(2024, 3, 1)


@pytest.fixture
def store() -> FakeStore:
    return FakeStore(
        patients={
            1: Patient(
                family_name="Петров", given_names="Иван", date_of_birth=date(1970, 12, 31),
                sex=Sex.MALE,
            )
        }
    )


@pytest.fixture
def service(store: FakeStore) -> AssessmentService:
    return AssessmentService(FakeUnitOfWorkFactory(store))


def test_start_creates_an_empty_draft_at_version_one(
    service: AssessmentService, store: FakeStore
) -> None:
    record = service.start(1, MARCH_FIRST, clinician="A. Physio")
    assert store.commits == 1
    assert record.version == 1
    assert record.patient_id == 1
    assert record.assessment == Assessment(assessment_date=MARCH_FIRST, clinician="A. Physio")
    assert record.assessment.status is AssessmentStatus.DRAFT
    assert service.load(record.id) == record


def test_start_for_an_unknown_patient_is_not_found(
    service: AssessmentService, store: FakeStore
) -> None:
    with pytest.raises(NotFoundError):
        service.start(99, MARCH_FIRST)
    assert store.assessments == {}
    assert store.commits == 0


def test_save_draft_with_the_current_version_is_committed(service: AssessmentService) -> None:
    started = service.start(1, MARCH_FIRST)
    edited = started.assessment.model_copy(update={"clinician": "B. Physio"})
    saved = service.save_draft(started.id, edited, expected_version=started.version)
    assert saved.version == 2
    assert service.load(started.id).assessment.clinician == "B. Physio"


def test_save_draft_with_a_stale_version_is_refused_and_changes_nothing(
    service: AssessmentService, store: FakeStore
) -> None:
    started = service.start(1, MARCH_FIRST)
    first = started.assessment.model_copy(update={"clinician": "first window"})
    service.save_draft(started.id, first, expected_version=1)
    commits = store.commits

    second = started.assessment.model_copy(update={"clinician": "second window"})
    with pytest.raises(StaleWriteError):
        service.save_draft(started.id, second, expected_version=1)
    assert store.commits == commits
    loaded = service.load(started.id)
    assert (loaded.version, loaded.assessment.clinician) == (2, "first window")


def test_unknown_assessment_is_not_found(service: AssessmentService) -> None:
    with pytest.raises(NotFoundError):
        service.load(5)
    with pytest.raises(NotFoundError):
        service.save_draft(5, Assessment(assessment_date=MARCH_FIRST), expected_version=1)


def test_for_patient_lists_that_patients_assessments(service: AssessmentService) -> None:
    later = service.start(1, date(2024, 6, 1))
    earlier = service.start(1, MARCH_FIRST)
    assert [s.id for s in service.for_patient(1)] == [earlier.id, later.id]
    assert service.for_patient(2) == []
