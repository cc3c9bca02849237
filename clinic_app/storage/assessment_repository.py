"""Assessments as JSON documents with a version counter that refuses stale writes."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.services.ports import (
    AssessmentRecord,
    AssessmentSummary,
    NotFoundError,
    StaleWriteError,
)
from clinic_app.storage.clock import utc_now
from clinic_app.storage.rows import AssessmentRow, PatientRow

FIRST_VERSION = 1


class SqlAlchemyAssessmentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, patient_id: int, assessment: Assessment) -> AssessmentRecord:
        if self._session.get(PatientRow, patient_id) is None:
            raise NotFoundError(f"no patient with id {patient_id}")
        now = utc_now()
        row = AssessmentRow(
            patient_id=patient_id, version=FIRST_VERSION, created_at=now, updated_at=now,
            **_document_columns(assessment),
        )
        self._session.add(row)
        self._session.flush()
        return AssessmentRecord(row.id, patient_id, FIRST_VERSION, assessment, now)

    def get(self, assessment_id: int) -> AssessmentRecord:
        row = self._session.get(AssessmentRow, assessment_id)
        if row is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        return AssessmentRecord(
            row.id, row.patient_id, row.version,
            Assessment.model_validate_json(row.document), row.updated_at,
        )

    def for_patient(self, patient_id: int) -> list[AssessmentSummary]:
        """Oldest first, like the case file's earlier assessments."""
        statement = (
            select(
                AssessmentRow.id, AssessmentRow.patient_id, AssessmentRow.assessment_date,
                AssessmentRow.clinician, AssessmentRow.status, AssessmentRow.updated_at,
            )
            .where(AssessmentRow.patient_id == patient_id)
            .order_by(AssessmentRow.assessment_date, AssessmentRow.id)
        )
        return [
            AssessmentSummary(
                id=found.id, patient_id=found.patient_id, assessment_date=found.assessment_date,
                clinician=found.clinician, status=AssessmentStatus(found.status),
                updated_at=found.updated_at,
            )
            for found in self._session.execute(statement)
        ]

    def save(
        self, assessment_id: int, assessment: Assessment, expected_version: int
    ) -> AssessmentRecord:
        """One UPDATE guarded by the version: either it wins or nothing is written."""
        now = utc_now()
        new_version = expected_version + 1
        statement = (
            update(AssessmentRow)
            .where(AssessmentRow.id == assessment_id, AssessmentRow.version == expected_version)
            .values(version=new_version, updated_at=now, **_document_columns(assessment))
            .returning(AssessmentRow.patient_id)
            .execution_options(synchronize_session=False)
        )
        patient_id = self._session.execute(statement).scalar_one_or_none()
        if patient_id is None:
            self._raise_refusal(assessment_id, expected_version)
        return AssessmentRecord(assessment_id, patient_id, new_version, assessment, now)

    def _raise_refusal(self, assessment_id: int, expected_version: int) -> None:
        exists = self._session.scalar(
            select(AssessmentRow.id).where(AssessmentRow.id == assessment_id)
        )
        if exists is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        raise StaleWriteError(assessment_id, expected_version)


def _document_columns(assessment: Assessment) -> dict[str, object]:
    return {
        "assessment_date": assessment.assessment_date,
        "clinician": assessment.clinician,
        "status": assessment.status.value,
        "schema_version": assessment.schema_version,
        "document": assessment.model_dump_json(exclude_none=True),
    }
