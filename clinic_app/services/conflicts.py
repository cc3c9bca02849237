"""Two workstations, one assessment: what the conflict dialog needs after a refused save.

When ``save_draft`` raises ``StaleWriteError`` the dialog shows ``theirs`` (the stored
version and its metadata) beside the user's own document, then either:

* ``keep_mine``: my document becomes the next version; theirs is kept in the
  superseded-versions table, and the choice is audited;
* ``take_theirs``: the stored version stays; my document is kept in the same table,
  so that nothing is lost silently either way.
"""

from __future__ import annotations

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import User
from clinic_app.services.actors import audit, resolve_editor
from clinic_app.services.ports import (
    AssessmentRecord,
    KeptVersion,
    RecordLockedError,
    UnitOfWorkFactory,
)

SUPERSEDED_BY_CONFLICT = "superseded_in_conflict"
DISCARDED_IN_CONFLICT = "discarded_in_conflict"


class ConflictService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def theirs(self, assessment_id: int) -> AssessmentRecord:
        """The stored version: document, version number, time and (if signed) signature."""
        with self._uow() as uow:
            return uow.assessments.get(assessment_id)

    def keep_mine(
        self, assessment_id: int, mine: Assessment, *, actor: User | None = None
    ) -> AssessmentRecord:
        """Save ``mine`` over whatever version is stored now (a new version), keeping theirs.

        ``RecordLockedError`` if the other workstation signed meanwhile: then mine can
        only become an addendum.
        """
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit assessments")
            current = uow.assessments.get(assessment_id)
            if current.assessment.status is not AssessmentStatus.DRAFT:
                raise RecordLockedError(assessment_id, current.assessment.status)
            uow.assessments.keep_version(
                assessment_id, current.version, current.assessment, SUPERSEDED_BY_CONFLICT,
                acting.username,
            )
            draft = mine.model_copy(update={"status": AssessmentStatus.DRAFT})
            record = uow.assessments.save(assessment_id, draft, current.version)
            audit(uow, acting, AuditAction.CONFLICT_KEPT_MINE, EntityType.ASSESSMENT,
                  assessment_id)
            uow.commit()
            return record

    def take_theirs(
        self, assessment_id: int, mine: Assessment, *, actor: User | None = None
    ) -> AssessmentRecord:
        """Adopt the stored version; ``mine`` is kept (not applied) so it can be recovered.

        Keeping a document and auditing the choice write to the record, so the same roles
        as ``keep_mine`` may do it.
        """
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit assessments")
            current = uow.assessments.get(assessment_id)
            uow.assessments.keep_version(
                assessment_id, current.version, mine, DISCARDED_IN_CONFLICT, acting.username
            )
            audit(uow, acting, AuditAction.CONFLICT_TOOK_THEIRS, EntityType.ASSESSMENT,
                  assessment_id)
            uow.commit()
            return current

    def kept_versions(self, assessment_id: int) -> list[KeptVersion]:
        """Documents replaced or discarded in conflicts, oldest first."""
        with self._uow() as uow:
            return uow.assessments.kept_versions(assessment_id)
