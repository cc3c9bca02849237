"""Assessments as JSON documents with a version counter that refuses stale writes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.model_base import AS_STORED
from clinic_app.domain.patient import Patient
from clinic_app.domain.records.roles import User
from clinic_app.domain.records.signature import Signature, Submission
from clinic_app.domain.records.verification import SignedNoteFacts
from clinic_app.services.ports import (
    AssessmentRecord,
    AssessmentSummary,
    KeptMark,
    KeptVersion,
    NotFoundError,
    RecordLockedError,
    StaleWriteError,
)
from clinic_app.storage.clock import utc_now
from clinic_app.storage.rows import AssessmentRow, AssessmentVersionRow, PatientRow
from clinic_app.storage.visit_repository import record_visit

DRAFT = AssessmentStatus.DRAFT.value
SIGNED = AssessmentStatus.SIGNED.value
_READ_BATCH = 500

FIRST_VERSION = 1


class SqlAlchemyAssessmentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self, patient_id: int, assessment: Assessment, created_by: str | None = None
    ) -> AssessmentRecord:
        if self._session.get(PatientRow, patient_id) is None:
            raise NotFoundError(f"no patient with id {patient_id}")
        now = utc_now()
        # Every assessment starts as a draft: only signing (with its signature) seals one.
        assessment = assessment.model_copy(update={"status": AssessmentStatus.DRAFT})
        row = AssessmentRow(
            patient_id=patient_id, version=FIRST_VERSION, created_at=now, updated_at=now,
            created_by=created_by, **_document_columns(assessment),
        )
        self._session.add(row)
        self._session.flush()
        record_visit(self._session, row.id, patient_id, assessment, new=True)
        return AssessmentRecord(row.id, patient_id, FIRST_VERSION, assessment, now)

    def get(self, assessment_id: int) -> AssessmentRecord:
        row = self._session.get(AssessmentRow, assessment_id)
        if row is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        return AssessmentRecord(
            row.id, row.patient_id, row.version,
            stored_assessment(row.document), row.updated_at, _signature(row),
            _submission(row.submitted_by, row.submitter_name),
            Patient.model_validate_json(row.signed_patient, context=AS_STORED)
            if row.signed_patient else None,
        )

    def for_patient(self, patient_id: int) -> list[AssessmentSummary]:
        """Oldest first, like the case file's earlier assessments."""
        statement = (
            select(*_SUMMARY_COLUMNS)
            .where(AssessmentRow.patient_id == patient_id)
            .order_by(AssessmentRow.assessment_date, AssessmentRow.id)
        )
        return [_summary(found) for found in self._session.execute(statement)]

    def save(
        self, assessment_id: int, assessment: Assessment, expected_version: int
    ) -> AssessmentRecord:
        """One UPDATE guarded by the version and the draft status: it wins or writes nothing."""
        return self._guarded_update(
            assessment_id, expected_version, DRAFT, _document_columns(assessment), assessment
        )

    def mark_submitted(
        self, assessment_id: int, assessment: Assessment, expected_version: int, student: User
    ) -> AssessmentRecord:
        submitted = assessment.model_copy(
            update={"status": AssessmentStatus.AWAITING_COSIGNATURE}
        )
        columns = _document_columns(submitted) | {
            "submitted_by": student.username, "submitter_name": student.signature_name,
        }
        record = self._guarded_update(assessment_id, expected_version, DRAFT, columns, submitted)
        return AssessmentRecord(
            record.id, record.patient_id, record.version, submitted, record.updated_at, None,
            Submission(student.username, student.signature_name),
        )

    def mark_signed(
        self, assessment_id: int, assessment: Assessment, expected_version: int,
        signature: Signature, from_status: AssessmentStatus, patient: Patient,
    ) -> AssessmentRecord:
        signed = assessment.model_copy(update={"status": AssessmentStatus.SIGNED})
        columns = _document_columns(signed) | {
            "signed_patient": patient.model_dump_json(exclude_none=True),
            "signed_by": signature.signed_by, "signer_name": signature.signer_name,
            "signed_at": signature.signed_at, "content_hash": signature.content_hash,
            "submitted_by": signature.submitted_by, "submitter_name": signature.submitter_name,
        }
        record = self._guarded_update(
            assessment_id, expected_version, from_status.value, columns, signed
        )
        return AssessmentRecord(
            record.id, record.patient_id, record.version, signed, record.updated_at, signature,
            _submission(signature.submitted_by, signature.submitter_name), patient,
        )

    def return_to_draft(self, assessment_id: int, expected_version: int) -> AssessmentRecord:
        current = self.get(assessment_id)
        draft = current.assessment.model_copy(update={"status": AssessmentStatus.DRAFT})
        columns = _document_columns(draft) | {"submitted_by": None, "submitter_name": None}
        return self._guarded_update(
            assessment_id, expected_version, AssessmentStatus.AWAITING_COSIGNATURE.value,
            columns, draft,
        )

    def delete_draft(self, assessment_id: int) -> None:
        statement = (
            delete(AssessmentRow)
            .where(AssessmentRow.id == assessment_id, AssessmentRow.status == DRAFT)
            .execution_options(synchronize_session=False)
        )
        if self._session.execute(statement).rowcount != 1:  # type: ignore[attr-defined]
            self._raise_refusal(assessment_id, None)

    def drafts(self, created_by: str | None) -> list[AssessmentSummary]:
        statement = select(*_SUMMARY_COLUMNS).where(AssessmentRow.status == DRAFT)
        if created_by is not None:
            statement = statement.where(AssessmentRow.created_by == created_by)
        statement = statement.order_by(AssessmentRow.updated_at.desc(), AssessmentRow.id)
        return [_summary(found) for found in self._session.execute(statement)]

    def keep_version(
        self, assessment_id: int, version: int, assessment: Assessment, reason: str,
        kept_by: str,
    ) -> None:
        self._session.add(AssessmentVersionRow(
            assessment_id=assessment_id, version=version,
            document=assessment.model_dump_json(exclude_none=True), reason=reason,
            kept_by=kept_by, kept_at=utc_now(),
        ))
        self._session.flush()

    def kept_versions(self, assessment_id: int) -> list[KeptVersion]:
        rows = self._session.scalars(
            select(AssessmentVersionRow)
            .where(AssessmentVersionRow.assessment_id == assessment_id)
            .order_by(AssessmentVersionRow.id)
        )
        return [
            KeptVersion(
                row.assessment_id, row.version, stored_assessment(row.document),
                row.reason, row.kept_by, row.kept_at, row.id,
            )
            for row in rows
        ]

    def last_kept_mark(self, assessment_id: int) -> KeptMark | None:
        found = self._session.execute(
            select(AssessmentVersionRow.id, AssessmentVersionRow.reason,
                   AssessmentVersionRow.kept_by, AssessmentVersionRow.kept_at)
            .where(AssessmentVersionRow.assessment_id == assessment_id)
            .order_by(AssessmentVersionRow.id.desc()).limit(1)
        ).first()
        return None if found is None else KeptMark(*found)

    def replace_kept_version(
        self, kept_id: int, version: int, assessment: Assessment, kept_at: datetime
    ) -> None:
        self._session.execute(
            update(AssessmentVersionRow).where(AssessmentVersionRow.id == kept_id)
            .values(version=version, document=assessment.model_dump_json(exclude_none=True),
                    kept_at=kept_at)
            .execution_options(synchronize_session=False)
        )

    def signed_facts(self) -> Iterator[SignedNoteFacts]:
        """Every row that is signed or carries a content hash, by id, read in batches."""
        after = 0
        while True:
            rows = list(self._session.execute(
                select(*_SIGNED_COLUMNS)
                .where(
                    AssessmentRow.id > after,
                    or_(AssessmentRow.status == SIGNED, AssessmentRow.content_hash.is_not(None)),
                )
                .order_by(AssessmentRow.id).limit(_READ_BATCH)
            ))
            yield from (SignedNoteFacts(**row._asdict()) for row in rows)
            if len(rows) < _READ_BATCH:
                return
            after = rows[-1].id

    def _guarded_update(
        self, assessment_id: int, expected_version: int, from_status: str,
        columns: dict[str, Any], assessment: Assessment,
    ) -> AssessmentRecord:
        now = utc_now()
        new_version = expected_version + 1
        statement = (
            update(AssessmentRow)
            .where(
                AssessmentRow.id == assessment_id,
                AssessmentRow.version == expected_version,
                AssessmentRow.status == from_status,
            )
            .values(version=new_version, updated_at=now, **columns)
            .returning(AssessmentRow.patient_id)
            .execution_options(synchronize_session=False)
        )
        patient_id = self._session.execute(statement).scalar_one_or_none()
        if patient_id is None:
            self._raise_refusal(assessment_id, expected_version)
        record_visit(self._session, assessment_id, patient_id, assessment, new=False)
        return AssessmentRecord(assessment_id, patient_id, new_version, assessment, now)

    def _raise_refusal(self, assessment_id: int, expected_version: int | None) -> None:
        found = self._session.execute(
            select(AssessmentRow.status, AssessmentRow.version)
            .where(AssessmentRow.id == assessment_id)
        ).one_or_none()
        if found is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        if expected_version is not None and found.version != expected_version:
            raise StaleWriteError(assessment_id, expected_version)
        raise RecordLockedError(assessment_id, AssessmentStatus(found.status))


_SIGNED_COLUMNS = (
    AssessmentRow.id, AssessmentRow.patient_id, AssessmentRow.status, AssessmentRow.document,
    AssessmentRow.signed_by, AssessmentRow.signed_at, AssessmentRow.content_hash,
    AssessmentRow.submitted_by, AssessmentRow.signed_patient,
)

_SUMMARY_COLUMNS = (
    AssessmentRow.id, AssessmentRow.patient_id, AssessmentRow.assessment_date,
    AssessmentRow.clinician, AssessmentRow.status, AssessmentRow.updated_at,
)


def _summary(found: Any) -> AssessmentSummary:
    return AssessmentSummary(
        id=found.id, patient_id=found.patient_id, assessment_date=found.assessment_date,
        clinician=found.clinician, status=AssessmentStatus(found.status),
        updated_at=found.updated_at,
    )


def _submission(submitted_by: str | None, submitter_name: str | None) -> Submission | None:
    """Who submitted a student's note, from the row or from a new signature's fields."""
    if submitted_by is None:
        return None
    return Submission(submitted_by, submitter_name or submitted_by)


def _signature(row: AssessmentRow) -> Signature | None:
    if row.signed_by is None or row.signed_at is None or row.content_hash is None:
        return None
    return Signature(
        signed_by=row.signed_by, signer_name=row.signer_name or row.signed_by,
        signed_at=row.signed_at, content_hash=row.content_hash,
        submitted_by=row.submitted_by, submitter_name=row.submitter_name,
    )


def _document_columns(assessment: Assessment) -> dict[str, object]:
    return {
        "assessment_date": assessment.assessment_date,
        "clinician": assessment.clinician,
        "status": assessment.status.value,
        "schema_version": assessment.schema_version,
        "document": assessment.model_dump_json(exclude_none=True),
    }


def stored_assessment(document: str) -> Assessment:
    """A stored document as it was saved (see ``AS_STORED``)."""
    return Assessment.model_validate_json(document, context=AS_STORED)
