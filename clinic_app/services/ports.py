"""What the services need from storage, as protocols; storage/ implements them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, Self

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.patient import Patient


class NotFoundError(LookupError):
    """No patient or assessment with that id."""


class StaleWriteError(RuntimeError):
    """The record changed since it was read (another window or workstation saved first)."""

    def __init__(self, assessment_id: int, expected_version: int) -> None:
        self.assessment_id = assessment_id
        self.expected_version = expected_version
        super().__init__(
            f"assessment {assessment_id} was changed elsewhere after version {expected_version}"
        )


@dataclass(frozen=True)
class PatientRecord:
    id: int
    patient: Patient


@dataclass(frozen=True)
class AssessmentSummary:
    id: int
    patient_id: int
    assessment_date: date
    clinician: str
    status: AssessmentStatus
    updated_at: datetime


@dataclass(frozen=True)
class AssessmentRecord:
    id: int
    patient_id: int
    version: int
    assessment: Assessment
    updated_at: datetime


class PatientRepository(Protocol):
    def add(self, patient: Patient) -> int: ...
    def get(self, patient_id: int) -> PatientRecord: ...
    def replace(self, patient_id: int, patient: Patient) -> None: ...
    def search(self, text: str, limit: int) -> list[PatientRecord]: ...
    def count(self) -> int: ...


class AssessmentRepository(Protocol):
    def add(self, patient_id: int, assessment: Assessment) -> AssessmentRecord: ...
    def get(self, assessment_id: int) -> AssessmentRecord: ...
    def for_patient(self, patient_id: int) -> list[AssessmentSummary]: ...
    def save(
        self, assessment_id: int, assessment: Assessment, expected_version: int
    ) -> AssessmentRecord:
        """Write the document if its stored version is still ``expected_version``.

        Raises ``StaleWriteError`` otherwise; the stored row is left as it was.
        """
        ...


class UnitOfWork(Protocol):
    patients: PatientRepository
    assessments: AssessmentRepository

    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None:
        """Roll back anything not committed."""
        ...
    def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


class Clock(Protocol):
    def today(self) -> date: ...
