"""An assessment's versions: who saved each, when, and what changed from the one before;
and bringing a finding back from an earlier version as a new, audited change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.document_differences import FindingDifference, differing_findings
from clinic_app.domain.records.audit import AuditAction, AuditEvent, EntityType
from clinic_app.domain.records.roles import User
from clinic_app.domain.version_history import REASON_LABELS
from clinic_app.services.actors import resolve_editor
from clinic_app.services.ports import UnitOfWorkFactory


@dataclass(frozen=True)
class HistoryEntry:
    """One kept version, with what it changed compared with the version listed before it."""

    kept_id: int
    version: int
    reason: str
    saved_by: str  # the person's name as it signs, or their username if the account is gone
    saved_at: datetime
    assessment: Assessment
    changes: tuple[FindingDifference, ...]

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason.replace("_", " "))


class VersionHistoryService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def versions(self, assessment_id: int) -> list[HistoryEntry]:
        """Oldest first; a version not chosen in a conflict is listed where it was kept."""
        with self._uow() as uow:
            kept = uow.assessments.kept_versions(assessment_id)
            names = {user.username: user.signature_name for user in uow.users.list_all()}
            local = uow.profile.clinician().display_name if uow.users.count() == 0 else None
        entries: list[HistoryEntry] = []
        previous: Assessment | None = None
        for version in kept:
            changes = () if previous is None else tuple(
                differing_findings(version.assessment, previous)
            )
            entries.append(HistoryEntry(
                version.id, version.version, version.reason,
                names.get(version.kept_by) or local or version.kept_by, version.kept_at,
                version.assessment, changes,
            ))
            previous = version.assessment
        return entries

    def record_restored_finding(
        self, assessment_id: int, from_version: int, actor: User | None = None
    ) -> None:
        """Audit that a finding was brought back from ``from_version`` (the editor applies
        it as an undoable change and saves it like any other edit)."""
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit assessments")
            uow.audit.append(AuditEvent(
                acting.username, AuditAction.FINDING_RESTORED, EntityType.ASSESSMENT,
                assessment_id, f"from version {from_version}",
            ))
            uow.commit()
