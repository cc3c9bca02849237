"""Erasure where the law allows it: an administrator deletes a patient who has no signed
notes, with their drafts. A signed note (or one awaiting co-signature) is a clinical
record the clinic must keep: the patient is then refused with ``RetentionError``, and
the record can still be exported for them (``export --patient ID --record DIR``).

The audit log records the erasure by ids only (never a name), and the entries about the
patient's drafts stay: they hold no patient data, and the keyed chain stays unbroken.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import Role, User, is_local, require
from clinic_app.services.actors import audit, resolve_actor
from clinic_app.services.ports import UnitOfWorkFactory


class RetentionError(RuntimeError):
    """The patient has signed notes: the record must be kept."""


@dataclass(frozen=True)
class Erasure:
    patient_id: int
    drafts_deleted: tuple[int, ...]


class ErasureService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def erase_patient(self, patient_id: int, actor: User | None = None) -> Erasure:
        """Delete the patient and their drafts in one transaction (``NotFoundError`` for an
        unknown patient, ``PermissionDeniedError`` unless an administrator or the one
        clinician of an installation without accounts, ``RetentionError`` when any note is
        signed or awaiting co-signature)."""
        with self._uow() as uow:
            acting = resolve_actor(uow, actor)
            require(is_local(acting) or acting.role is Role.ADMINISTRATOR, acting,
                    "erase patients (administrators only)")
            uow.patients.get(patient_id)
            assessments = uow.assessments.for_patient(patient_id)
            kept = [a for a in assessments if a.status is not AssessmentStatus.DRAFT]
            if kept:
                raise RetentionError(
                    f"patient {patient_id} has {len(kept)} signed or submitted note(s) "
                    f"(assessment {', '.join(str(a.id) for a in kept)}): signed records are "
                    "kept; export them for the patient with 'clinic-app export --patient "
                    f"{patient_id} --record DIR'"
                )
            for summary in assessments:
                uow.assessments.delete_draft(summary.id)
                audit(uow, acting, AuditAction.DRAFT_DELETED, EntityType.ASSESSMENT, summary.id)
            uow.patients.delete(patient_id)
            audit(uow, acting, AuditAction.PATIENT_ERASED, EntityType.PATIENT, patient_id,
                  f"{len(assessments)} draft(s) deleted")
            uow.commit()
        return Erasure(patient_id, tuple(summary.id for summary in assessments))
