"""In-memory stand-ins for the storage ports, so service tests need no database.

Like the real unit of work, nothing is visible to the next unit of work until
``commit``; leaving the ``with`` block without committing discards the changes.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Self

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.patient import Patient, search_key
from clinic_app.domain.records.audit import AuditEvent
from clinic_app.services.ports import (
    AssessmentRecord,
    AssessmentSummary,
    NotFoundError,
    PatientRecord,
    StaleWriteError,
)

FIXED_TIME = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)


@dataclass
class FakeStore:
    """What a database would hold: committed patients and assessment records."""

    patients: dict[int, Patient] = field(default_factory=dict)
    assessments: dict[int, AssessmentRecord] = field(default_factory=dict)
    commits: int = 0


class FakePatientRepository:
    def __init__(self, patients: dict[int, Patient]) -> None:
        self._patients = patients

    def add(self, patient: Patient) -> int:
        new_id = max(self._patients, default=0) + 1
        self._patients[new_id] = patient
        return new_id

    def get(self, patient_id: int) -> PatientRecord:
        if patient_id not in self._patients:
            raise NotFoundError(f"no patient with id {patient_id}")
        return PatientRecord(patient_id, self._patients[patient_id])

    def replace(self, patient_id: int, patient: Patient) -> None:
        self.get(patient_id)
        self._patients[patient_id] = patient

    def search(self, text: str, limit: int) -> list[PatientRecord]:
        words = search_key(text).split()
        found = [
            PatientRecord(patient_id, patient)
            for patient_id, patient in self._patients.items()
            if all(_starts_a_name(patient, word) for word in words)
        ]
        found.sort(key=lambda r: (search_key(r.patient.family_name), r.patient.given_names))
        return found[:limit]

    def count(self) -> int:
        return len(self._patients)


def _starts_a_name(patient: Patient, word: str) -> bool:
    names = f"{patient.family_name} {patient.given_names} {patient.identifier or ''}"
    return any(name.startswith(word) for name in search_key(names).split())


class FakeAssessmentRepository:
    def __init__(self, patients: dict[int, Patient], records: dict[int, AssessmentRecord]) -> None:
        self._patients = patients
        self._records = records

    def add(
        self, patient_id: int, assessment: Assessment, created_by: str | None = None
    ) -> AssessmentRecord:
        if patient_id not in self._patients:
            raise NotFoundError(f"no patient with id {patient_id}")
        new_id = max(self._records, default=0) + 1
        record = AssessmentRecord(new_id, patient_id, 1, assessment, FIXED_TIME)
        self._records[new_id] = record
        return record

    def get(self, assessment_id: int) -> AssessmentRecord:
        if assessment_id not in self._records:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        return self._records[assessment_id]

    def for_patient(self, patient_id: int) -> list[AssessmentSummary]:
        mine = [r for r in self._records.values() if r.patient_id == patient_id]
        mine.sort(key=lambda r: (r.assessment.assessment_date, r.id))
        return [
            AssessmentSummary(
                r.id, r.patient_id, r.assessment.assessment_date, r.assessment.clinician,
                r.assessment.status, r.updated_at,
            )
            for r in mine
        ]

    def save(
        self, assessment_id: int, assessment: Assessment, expected_version: int
    ) -> AssessmentRecord:
        stored = self.get(assessment_id)
        if stored.version != expected_version:
            raise StaleWriteError(assessment_id, expected_version)
        record = AssessmentRecord(
            assessment_id, stored.patient_id, expected_version + 1, assessment, FIXED_TIME
        )
        self._records[assessment_id] = record
        return record


class FakeUserRepository:
    """An installation without accounts (the records tests use real databases)."""

    def count(self) -> int:
        return 0


class FakeAuditLog:
    def __init__(self, events: list[AuditEvent]) -> None:
        self.events = events

    def append(self, event: AuditEvent) -> None:
        self.events.append(event)

    def last_logged(self, *_key: object) -> datetime | None:
        return None


class FakeUnitOfWork:
    """Works on a copy of the store; ``commit`` publishes the copy."""

    patients: FakePatientRepository
    assessments: FakeAssessmentRepository
    users: FakeUserRepository
    audit: FakeAuditLog

    def __init__(self, store: FakeStore) -> None:
        self._store = store
        self._patients: dict[int, Patient] = {}
        self._records: dict[int, AssessmentRecord] = {}

    def __enter__(self) -> Self:
        self._patients = copy.copy(self._store.patients)
        self._records = copy.copy(self._store.assessments)
        self.patients = FakePatientRepository(self._patients)
        self.assessments = FakeAssessmentRepository(self._patients, self._records)
        self.users = FakeUserRepository()
        self.audit = FakeAuditLog([])
        return self

    def __exit__(self, *exc: object) -> None:
        self._patients = {}
        self._records = {}

    def commit(self) -> None:
        self._store.patients = dict(self._patients)
        self._store.assessments = dict(self._records)
        self._store.commits += 1


@dataclass
class FakeUnitOfWorkFactory:
    store: FakeStore

    def __call__(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.store)
