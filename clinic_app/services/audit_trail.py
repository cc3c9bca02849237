"""Reading and verifying the audit trail, and logging exports."""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.records.audit import AuditAction, AuditEntry, EntityType, verify_chain
from clinic_app.domain.records.roles import User
from clinic_app.services.actors import audit, resolve_actor
from clinic_app.services.ports import UnitOfWorkFactory


@dataclass(frozen=True)
class AuditVerification:
    entries: int
    problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


class AuditService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def verify(self) -> AuditVerification:
        """Recompute every entry's hash and link; name each edited or removed entry."""
        with self._uow() as uow:
            head = uow.audit.head()
            entries = list(uow.audit.entries())
        return AuditVerification(len(entries), tuple(verify_chain(entries, head)))

    def entries_for(self, entity_type: EntityType, entity_id: int) -> list[AuditEntry]:
        with self._uow() as uow:
            return [
                entry for entry in uow.audit.entries()
                if entry.entity_type == entity_type.value and entry.entity_id == entity_id
            ]

    def record_export(self, assessment_id: int, *, actor: User | None = None) -> None:
        """Log that an assessment left the database as a document (PDF or text)."""
        with self._uow() as uow:
            acting = resolve_actor(uow, actor)
            uow.assessments.get(assessment_id)  # NotFoundError for an unknown id
            audit(uow, acting, AuditAction.EXPORTED, EntityType.ASSESSMENT, assessment_id)
            uow.commit()
