"""Register, edit and find patients."""

from __future__ import annotations

from clinic_app.domain.patient import Patient
from clinic_app.domain.plausible_dates import ImplausibleDateError, birth_date_problem
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import User
from clinic_app.services.actors import audit, resolve_editor
from clinic_app.services.ports import Clock, PatientRecord, UnitOfWorkFactory, utc_now

SEARCH_LIMIT = 200


class PatientService:
    def __init__(self, unit_of_work: UnitOfWorkFactory, now: Clock = utc_now) -> None:
        self._uow = unit_of_work
        self._now = now

    def register(self, patient: Patient, *, actor: User | None = None) -> int:
        """``actor`` None: the installation's only user (see ``resolve_actor``). Audited.

        ``ImplausibleDateError`` for a date of birth in the future or over 120 years ago."""
        self._check_birth_date(patient)
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "register patients")
            patient_id = uow.patients.add(patient)
            audit(uow, acting, AuditAction.CREATED, EntityType.PATIENT, patient_id)
            uow.commit()
            return patient_id

    def update(self, patient_id: int, patient: Patient, *, actor: User | None = None) -> None:
        self._check_birth_date(patient)
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit patients")
            uow.patients.replace(patient_id, patient)
            audit(uow, acting, AuditAction.CHANGED, EntityType.PATIENT, patient_id)
            uow.commit()

    def _check_birth_date(self, patient: Patient) -> None:
        problem = birth_date_problem(patient.date_of_birth, self._now().date())
        if problem:
            raise ImplausibleDateError(f"Date of birth: {problem}")

    def get(self, patient_id: int) -> PatientRecord:
        with self._uow() as uow:
            return uow.patients.get(patient_id)

    def search(
        self, text: str, limit: int = SEARCH_LIMIT, after: int | None = None
    ) -> list[PatientRecord]:
        """Patients whose family name, given names or identifier start with a word of ``text``,
        or whose date of birth matches (YYYY-MM-DD or DD.MM.YYYY), in name order.

        Everyone when ``text`` is blank. ``after`` (a patient id): the next page, the
        patients listed after that one; empty when that patient no longer exists.
        """
        with self._uow() as uow:
            return uow.patients.search(text, limit, after)

    def count(self) -> int:
        with self._uow() as uow:
            return uow.patients.count()
