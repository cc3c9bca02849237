"""Storing case files: a patient with their assessments, as drafts.

A case's patient who is already stored (the same identifier, or else the same names
and date of birth) is matched and reused, never silently duplicated; every
assessment is stored as a draft, whatever status the file claims: only signing seals
a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.patient import Patient
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import User
from clinic_app.services.actors import audit, resolve_editor
from clinic_app.services.ports import UnitOfWork, UnitOfWorkFactory

_CANDIDATES = 50


@dataclass(frozen=True)
class StoredCase:
    patient_id: int
    patient_matched: bool
    earlier_ids: tuple[int, ...]
    assessment_id: int


class CaseImportService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def import_case(self, case: CaseFile, actor: User | None = None) -> StoredCase:
        """Store ``case`` in one transaction, audited as ``actor``."""
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "import case files")
            stored = store_case(uow, case, acting.username)
            if not stored.patient_matched:
                audit(uow, acting, AuditAction.CREATED, EntityType.PATIENT, stored.patient_id)
            for assessment_id in (*stored.earlier_ids, stored.assessment_id):
                audit(uow, acting, AuditAction.CREATED, EntityType.ASSESSMENT, assessment_id)
            uow.commit()
            return stored


def store_case(uow: UnitOfWork, case: CaseFile, created_by: str | None) -> StoredCase:
    """Add ``case``'s patient (or match a stored one) and its assessments, oldest first."""
    patient_id = matching_patient(uow, case.patient)
    matched = patient_id is not None
    if patient_id is None:
        patient_id = uow.patients.add(case.patient)
    ids = [
        uow.assessments.add(patient_id, assessment, created_by=created_by).id
        for assessment in (*case.earlier_assessments, case.assessment)
    ]
    return StoredCase(patient_id, matched, tuple(ids[:-1]), ids[-1])


def matching_patient(uow: UnitOfWork, patient: Patient) -> int | None:
    """A stored patient who is ``patient``: the same identifier when both have one, else
    the same family name, given names and date of birth (ignoring case and spacing)."""
    for candidate in uow.patients.search(patient.family_name, _CANDIDATES):
        if _same_person(candidate.patient, patient):
            return candidate.id
    return None


def _same_person(stored: Patient, incoming: Patient) -> bool:
    if stored.identifier and incoming.identifier:
        return _folded(stored.identifier) == _folded(incoming.identifier)
    return (
        _folded(stored.family_name) == _folded(incoming.family_name)
        and _folded(stored.given_names) == _folded(incoming.given_names)
        and stored.date_of_birth == incoming.date_of_birth
    )


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()
