"""Two workstations, one assessment: settling a save that was based on an older version.

When ``save_draft`` raises ``StaleWriteError`` the editor first ``merge``s: its document
and the stored one are merged finding by finding against the version both started from
(``domain.document_merge``). Changes to different findings are combined and saved at
once. Only findings both sides changed to different values need a person: the dialog
lists just those, and ``merge`` again with the preference chosen settles them, keeping
the side not chosen in the version history. The older whole-document choices remain:

* ``keep_mine``: my document becomes the next version; theirs is kept in the
  superseded-versions table, and the choice is audited;
* ``take_theirs``: the stored version stays; my document is kept in the same table,
  so that nothing is lost silently either way.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.document_merge import Merge, Preference, three_way_merge
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import User
from clinic_app.domain.version_history import (
    CREATED,
    DISCARDED_IN_CONFLICT,
    DISCARDED_IN_MERGE,
    SAVED,
    SUPERSEDED_BY_CONFLICT,
)
from clinic_app.services.actors import audit, resolve_editor
from clinic_app.services.ports import (
    AssessmentRecord,
    KeptVersion,
    RecordLockedError,
    UnitOfWorkFactory,
)


@dataclass(frozen=True)
class MergeOutcome:
    """``record`` is the merged version, stored; None when findings changed on both sides
    wait for a person (``merge.conflicts``), and nothing was saved."""

    merge: Merge
    theirs: AssessmentRecord
    record: AssessmentRecord | None


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

    def merge(
        self,
        assessment_id: int,
        base: Assessment,
        mine: Assessment,
        *,
        prefer: Preference | None = None,
        actor: User | None = None,
    ) -> MergeOutcome:
        """Merge ``mine`` (edited from ``base``) with the stored version and save the result
        as the next version. With findings changed differently on both sides and no
        ``prefer``ence, nothing is saved: the outcome lists them for the person to settle.

        ``RecordLockedError`` if the other workstation signed or submitted meanwhile.
        """
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit assessments")
            current = uow.assessments.get(assessment_id)
            if current.assessment.status is not AssessmentStatus.DRAFT:
                raise RecordLockedError(assessment_id, current.assessment.status)
            merged = three_way_merge(base, mine, current.assessment, prefer or Preference.THEIRS)
            if merged.conflicts and prefer is None:
                return MergeOutcome(merged, current, None)
            if merged.conflicts:  # the side not chosen stays in the history
                not_chosen = current.assessment if prefer is Preference.MINE else mine
                uow.assessments.keep_version(
                    assessment_id, current.version, not_chosen, DISCARDED_IN_MERGE,
                    acting.username,
                )
            draft = merged.merged.model_copy(update={"status": AssessmentStatus.DRAFT})
            record = uow.assessments.save(assessment_id, draft, current.version)
            uow.assessments.keep_version(
                assessment_id, record.version, record.assessment, SAVED, acting.username
            )
            audit(uow, acting, AuditAction.MERGED, EntityType.ASSESSMENT, assessment_id)
            uow.commit()
            return MergeOutcome(merged, current, record)

    def kept_versions(self, assessment_id: int) -> list[KeptVersion]:
        """Documents replaced or discarded in conflicts and merges, oldest first (the
        whole version history is ``VersionHistoryService.versions``)."""
        with self._uow() as uow:
            return [
                kept for kept in uow.assessments.kept_versions(assessment_id)
                if kept.reason not in (SAVED, CREATED)
            ]
