"""Assessments on SQLite and PostgreSQL: the whole document survives, stale writes do not."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.patient import Patient, Sex
from clinic_app.services.ports import NotFoundError, StaleWriteError
from clinic_app.storage.database import Database
from tests.storage.filled_assessment import filled_assessment


@pytest.fixture
def patient_id(database: Database) -> int:
    with database.unit_of_work() as uow:
        new_id = uow.patients.add(
            Patient(
                family_name="Ñúñez-Øster", given_names="Zoë", date_of_birth=date(1994, 2, 28),
                sex=Sex.FEMALE,
            )
        )
        uow.commit()
    return new_id


def start(database: Database, patient_id: int, document: Assessment) -> int:
    with database.unit_of_work() as uow:
        record = uow.assessments.add(patient_id, document)
        uow.commit()
    assert record.version == 1
    return record.id


def test_a_document_with_every_section_filled_round_trips(
    database: Database, patient_id: int
) -> None:
    document = filled_assessment()
    assessment_id = start(database, patient_id, document)

    with database.unit_of_work() as uow:
        loaded = uow.assessments.get(assessment_id)
    assert loaded.assessment == document
    assert loaded.patient_id == patient_id
    assert loaded.version == 1
    assert loaded.updated_at.tzinfo is not None
    assert loaded.updated_at.utcoffset() == timedelta(0)


def test_save_with_the_current_version_writes_and_counts_up(
    database: Database, patient_id: int
) -> None:
    assessment_id = start(database, patient_id, Assessment(assessment_date=date(2024, 3, 1)))
    edited = filled_assessment()
    with database.unit_of_work() as uow:
        saved = uow.assessments.save(assessment_id, edited, expected_version=1)
        uow.commit()
    assert saved.version == 2
    assert saved.patient_id == patient_id

    with database.unit_of_work() as uow:
        loaded = uow.assessments.get(assessment_id)
    assert (loaded.version, loaded.assessment) == (2, edited)
    assert loaded.updated_at == saved.updated_at.astimezone(UTC)


def test_stale_version_is_refused_and_the_stored_row_untouched(
    database: Database, patient_id: int
) -> None:
    assessment_id = start(database, patient_id, Assessment(assessment_date=date(2024, 3, 1)))
    first = Assessment(assessment_date=date(2024, 3, 1), clinician="first window")
    with database.unit_of_work() as uow:
        uow.assessments.save(assessment_id, first, expected_version=1)
        uow.commit()
    with database.unit_of_work() as uow:
        before = uow.assessments.get(assessment_id)

    late = Assessment(assessment_date=date(2025, 1, 1), clinician="second window")
    with database.unit_of_work() as uow:
        with pytest.raises(StaleWriteError) as refused:
            uow.assessments.save(assessment_id, late, expected_version=1)
        uow.commit()
    assert refused.value.assessment_id == assessment_id
    assert refused.value.expected_version == 1

    with database.unit_of_work() as uow:
        after = uow.assessments.get(assessment_id)
        summaries = uow.assessments.for_patient(patient_id)
    assert after == before
    assert [s.clinician for s in summaries] == ["first window"]


def test_unknown_ids_are_not_found(database: Database, patient_id: int) -> None:
    document = Assessment(assessment_date=date(2024, 3, 1))
    with database.unit_of_work() as uow:
        with pytest.raises(NotFoundError):
            uow.assessments.get(404)
        with pytest.raises(NotFoundError):
            uow.assessments.save(404, document, expected_version=1)
        with pytest.raises(NotFoundError):
            uow.assessments.add(patient_id + 404, document)


def test_for_patient_lists_summaries_oldest_first(database: Database, patient_id: int) -> None:
    later = start(
        database, patient_id, Assessment(assessment_date=date(2024, 6, 1), clinician="B")
    )
    earlier = start(
        database, patient_id, Assessment(assessment_date=date(2024, 3, 1), clinician="A")
    )
    with database.unit_of_work() as uow:
        summaries = uow.assessments.for_patient(patient_id)
        assert uow.assessments.for_patient(patient_id + 1) == []
    assert [(s.id, s.assessment_date, s.clinician, s.status) for s in summaries] == [
        (earlier, date(2024, 3, 1), "A", AssessmentStatus.DRAFT),
        (later, date(2024, 6, 1), "B", AssessmentStatus.DRAFT),
    ]


def test_a_document_claiming_to_be_signed_is_stored_as_a_draft(
    database: Database, patient_id: int
) -> None:
    claimed = Assessment(assessment_date=date(2024, 6, 1), status=AssessmentStatus.SIGNED)
    assessment_id = start(database, patient_id, claimed)
    with database.unit_of_work() as uow:
        stored = uow.assessments.get(assessment_id)
    assert stored.assessment.status is AssessmentStatus.DRAFT and stored.signature is None


def test_the_stored_document_leaves_out_findings_not_assessed(
    database: Database, patient_id: int
) -> None:
    """Missing is not negative: an unassessed finding is absent, never stored as false or 0."""
    from sqlalchemy import select

    from clinic_app.storage.rows import AssessmentRow

    assessment_id = start(database, patient_id, Assessment(assessment_date=date(2024, 3, 1)))
    with database.engine.connect() as connection:
        stored = connection.scalar(
            select(AssessmentRow.document).where(AssessmentRow.id == assessment_id)
        )
    assert "null" not in stored
    assert "false" not in stored
