"""Start, load, save and delete assessment drafts (drafts are saved after every change).

Every write takes the acting user (``actor``); None means "no login": the
installation's only user, refused with ``LoginRequiredError`` when several users
share the database. Each write is audited in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.plausible_dates import ImplausibleDateError, assessment_date_problem
from clinic_app.domain.records.audit import AuditAction, EntityType, change_is_coalesced
from clinic_app.domain.records.roles import User, is_local
from clinic_app.domain.version_history import CREATED, SAVED, extends_last_version
from clinic_app.services.actors import audit, resolve_actor, resolve_editor
from clinic_app.services.ports import (
    AssessmentRecord,
    AssessmentSummary,
    Clock,
    RecordLockedError,
    UnitOfWork,
    UnitOfWorkFactory,
    utc_now,
)


class AssessmentService:
    def __init__(self, unit_of_work: UnitOfWorkFactory, now: Clock = utc_now) -> None:
        self._uow = unit_of_work
        self._now = now

    def start(
        self, patient_id: int, on: date, clinician: str = "", *, actor: User | None = None
    ) -> AssessmentRecord:
        """``ImplausibleDateError`` for a date before the patient's birth, more than a day
        ahead, or at an age over 120."""
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit assessments")
            born = uow.patients.get(patient_id).patient.date_of_birth  # NotFoundError if unknown
            problem = assessment_date_problem(on, born, self._now().date())
            if problem:
                raise ImplausibleDateError(f"Assessment date: {problem}")
            record = uow.assessments.add(
                patient_id, Assessment(assessment_date=on, clinician=clinician),
                created_by=acting.username,
            )
            audit(uow, acting, AuditAction.CREATED, EntityType.ASSESSMENT, record.id)
            uow.assessments.keep_version(
                record.id, record.version, record.assessment, CREATED, acting.username
            )
            uow.commit()
            return record

    def load(self, assessment_id: int) -> AssessmentRecord:
        with self._uow() as uow:
            return uow.assessments.get(assessment_id)

    def save_draft(
        self,
        assessment_id: int,
        assessment: Assessment,
        expected_version: int,
        *,
        actor: User | None = None,
    ) -> AssessmentRecord:
        """Autosave. Refused with ``StaleWriteError`` if someone saved a newer version, with
        ``RecordLockedError`` once the assessment is signed or awaiting co-signature.

        Audited as "changed", coalesced: at most one entry per assessment, user and
        minute (``CHANGE_COALESCING_WINDOW``), since autosave runs after every pause.
        """
        if assessment.status is not AssessmentStatus.DRAFT:
            raise RecordLockedError(assessment_id, assessment.status)
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit assessments")
            record = uow.assessments.save(assessment_id, assessment, expected_version)
            now = self._now()
            _log_change(uow, acting, assessment_id, now)
            keep_in_history(uow, acting, record, now)
            uow.commit()
            return record

    def delete_draft(self, assessment_id: int, *, actor: User | None = None) -> None:
        """Delete a draft (audited); signed notes and notes awaiting co-signature are refused
        with ``RecordLockedError``."""
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit assessments")
            uow.assessments.delete_draft(assessment_id)
            audit(uow, acting, AuditAction.DRAFT_DELETED, EntityType.ASSESSMENT, assessment_id)
            uow.commit()

    def drafts_of(self, actor: User | None = None) -> list[AssessmentSummary]:
        """Drafts the user started (every draft for a single-user installation), most
        recently changed first: what was open when the app last stopped, crash included."""
        with self._uow() as uow:
            acting = resolve_actor(uow, actor)
            only_mine = not is_local(acting) and uow.users.count() > 1
            return uow.assessments.drafts(acting.username if only_mine else None)

    def for_patient(self, patient_id: int) -> list[AssessmentSummary]:
        with self._uow() as uow:
            return uow.assessments.for_patient(patient_id)


def _log_change(uow: UnitOfWork, actor: User, assessment_id: int, now: datetime) -> None:
    last = uow.audit.last_logged(
        actor.username, AuditAction.CHANGED, EntityType.ASSESSMENT.value, assessment_id
    )
    if not change_is_coalesced(last, now):
        audit(uow, actor, AuditAction.CHANGED, EntityType.ASSESSMENT, assessment_id)


def keep_in_history(uow: UnitOfWork, actor: User, record: AssessmentRecord, now: datetime) -> None:
    """The saved version in the version history, one per person and burst of work."""
    last = uow.assessments.last_kept_mark(record.id)
    if last is not None and extends_last_version(
        last.reason, last.kept_by, last.kept_at, actor.username, now
    ):
        uow.assessments.replace_kept_version(last.id, record.version, record.assessment, now)
        return
    uow.assessments.keep_version(
        record.id, record.version, record.assessment, SAVED, actor.username
    )
