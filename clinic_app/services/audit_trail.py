"""Reading and verifying the audit trail, and logging exports."""

from __future__ import annotations

from clinic_app.domain.records.audit import (
    AuditAction,
    AuditEntry,
    AuditEvent,
    ChainHead,
    EntityType,
)
from clinic_app.domain.records.roles import User
from clinic_app.domain.records.verification import RecordVerifier, Verification
from clinic_app.services.actors import audit, resolve_actor
from clinic_app.services.ports import UnitOfWorkFactory


class AuditService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def verify(self, printed_witnesses: tuple[ChainHead, ...] = ()) -> Verification:
        """Everything ``domain.records.verification`` checks, read in one transaction:
        the keyed chain, its head and witnesses (the file kept beside the key, and any
        chain heads read off signed PDFs), every signed note and addendum against its
        entry, and the guard triggers. Each problem names the entry, note or addendum."""
        with self._uow() as uow:
            verifier = RecordVerifier(
                uow.audit.key_state(), uow.audit.head(), uow.audit.missing_guard_triggers(),
                printed_witnesses,
            )
            verifier.check_entries(uow.audit.entries())
            verifier.check_signed_notes(uow.assessments.signed_facts())
            verifier.check_addenda(uow.addenda.every())
        return verifier.finish()

    def chain_head(self) -> ChainHead:
        """The newest entry's sequence and hash, as printed on a signed PDF: a witness
        outside the database that the log later can be compared with."""
        with self._uow() as uow:
            head = uow.audit.head()
        return ChainHead(head.sequence, head.last_hash)

    def entries_for(self, entity_type: EntityType, entity_id: int) -> list[AuditEntry]:
        """The entity's entries, oldest first."""
        with self._uow() as uow:
            return uow.audit.entries_for(entity_type.value, entity_id)

    def record_export(self, assessment_id: int, *, actor: User | None = None) -> None:
        """Log that an assessment left the database as a document (PDF or text)."""
        with self._uow() as uow:
            acting = resolve_actor(uow, actor)
            uow.assessments.get(assessment_id)  # NotFoundError for an unknown id
            audit(uow, acting, AuditAction.EXPORTED, EntityType.ASSESSMENT, assessment_id)
            uow.commit()

    def record_restore(
        self, actor: User, backup_name: str, safety_copy_name: str | None
    ) -> None:
        """Log that the database was replaced by a backup, naming the backup and the safety
        copy of the replaced database (None: there was none).

        ``actor`` was authorised on the database before the restore: it is logged as given,
        not looked up, because the restored accounts may not include that user."""
        kept = (
            f"the replaced database is kept as {safety_copy_name}" if safety_copy_name
            else "no database was replaced"
        )
        with self._uow() as uow:
            uow.audit.append(AuditEvent(
                actor.username, AuditAction.RESTORED, EntityType.DATABASE, None,
                f"restored from {backup_name}; {kept}",
            ))
            uow.commit()
