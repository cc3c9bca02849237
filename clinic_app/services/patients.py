"""Register, edit and find patients."""

from __future__ import annotations

from clinic_app.domain.patient import Patient
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import User
from clinic_app.services.actors import audit, resolve_editor
from clinic_app.services.ports import PatientRecord, UnitOfWorkFactory

SEARCH_LIMIT = 200


class PatientService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def register(self, patient: Patient, *, actor: User | None = None) -> int:
        """``actor`` None: the installation's only user (see ``resolve_actor``). Audited."""
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "register patients")
            patient_id = uow.patients.add(patient)
            audit(uow, acting, AuditAction.CREATED, EntityType.PATIENT, patient_id)
            uow.commit()
            return patient_id

    def update(self, patient_id: int, patient: Patient, *, actor: User | None = None) -> None:
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit patients")
            uow.patients.replace(patient_id, patient)
            audit(uow, acting, AuditAction.CHANGED, EntityType.PATIENT, patient_id)
            uow.commit()

    def get(self, patient_id: int) -> PatientRecord:
        with self._uow() as uow:
            return uow.patients.get(patient_id)

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[PatientRecord]:
        """Patients whose family name, given names or identifier start with a word of ``text``,
        or whose date of birth matches (YYYY-MM-DD or DD.MM.YYYY).

        Everyone when ``text`` is blank.
        """
        with self._uow() as uow:
            return uow.patients.search(text, limit)

    def count(self) -> int:
        with self._uow() as uow:
            return uow.patients.count()
