"""What the services need from storage, as protocols; storage/ implements them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol, Self

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.episode.visits import VisitKind
from clinic_app.domain.patient import Patient
from clinic_app.domain.practice.record import AttemptRecord
from clinic_app.domain.records.audit import AuditAction, AuditEntry, AuditEvent, ChainHead
from clinic_app.domain.records.login_throttle import LoginFailures
from clinic_app.domain.records.roles import ClinicianDetails, PermissionDeniedError, User
from clinic_app.domain.records.signature import Addendum, Signature, Submission
from clinic_app.domain.records.verification import AuditKeyState, SignedNoteFacts


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


class RecordLockedError(RuntimeError):
    """The assessment is signed (or awaiting co-signature): it cannot be edited or deleted."""

    def __init__(self, assessment_id: int, status: AssessmentStatus) -> None:
        self.assessment_id = assessment_id
        self.status = status
        advice = (
            "add an addendum instead" if status is AssessmentStatus.SIGNED
            else "a supervisor must co-sign it first"
        )
        super().__init__(f"assessment {assessment_id} is {status.label.lower()}: {advice}")


class LoginRequiredError(PermissionDeniedError):
    """Several users exist and no logged-in user was given."""


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
    signature: Signature | None = None
    submission: Submission | None = None
    # The patient as they stood at signing (part of the content hash); print this, not
    # the current patient, on a signed note. None for drafts and notes signed before 0005.
    signed_patient: Patient | None = None


@dataclass(frozen=True)
class StoredUser:
    user: User
    password_hash: str


@dataclass(frozen=True)
class KeptVersion:
    """An earlier version of the document: saved (the version history), or replaced or
    discarded in a conflict or merge, kept so nothing is lost."""

    assessment_id: int
    version: int
    assessment: Assessment
    reason: str
    kept_by: str
    kept_at: datetime
    id: int = 0


@dataclass(frozen=True)
class KeptMark:
    id: int
    reason: str
    kept_by: str
    kept_at: datetime


class PatientRepository(Protocol):
    def add(self, patient: Patient) -> int: ...
    def get(self, patient_id: int) -> PatientRecord: ...
    def replace(self, patient_id: int, patient: Patient) -> None: ...
    def search(self, text: str, limit: int, after: int | None = None) -> list[PatientRecord]: ...
    def count(self) -> int: ...
    def any(self) -> bool: ...
    def delete(self, patient_id: int) -> None:
        """Delete the patient (their assessments must be gone first); ``NotFoundError``."""
        ...


class AssessmentRepository(Protocol):
    def add(
        self, patient_id: int, assessment: Assessment, created_by: str | None = None
    ) -> AssessmentRecord: ...
    def get(self, assessment_id: int) -> AssessmentRecord: ...
    def for_patient(self, patient_id: int) -> list[AssessmentSummary]: ...
    def save(
        self, assessment_id: int, assessment: Assessment, expected_version: int
    ) -> AssessmentRecord:
        """Write the document if its stored version is still ``expected_version``.

        Raises ``StaleWriteError`` otherwise, ``RecordLockedError`` when the row is no
        longer a draft; the stored row is left as it was.
        """
        ...
    def mark_submitted(
        self, assessment_id: int, assessment: Assessment, expected_version: int, student: User
    ) -> AssessmentRecord:
        """Draft -> awaiting co-signature (same guards as ``save``)."""
        ...
    def mark_signed(
        self, assessment_id: int, assessment: Assessment, expected_version: int,
        signature: Signature, from_status: AssessmentStatus, patient: Patient,
    ) -> AssessmentRecord:
        """``from_status`` -> signed, storing the signature and the patient snapshot; same
        guards as ``save``."""
        ...
    def return_to_draft(self, assessment_id: int, expected_version: int) -> AssessmentRecord:
        """Awaiting co-signature -> draft (a supervisor sends a student's note back)."""
        ...
    def delete_draft(self, assessment_id: int) -> None:
        """Delete a draft; ``RecordLockedError`` for anything else."""
        ...
    def drafts(self, created_by: str | None) -> list[AssessmentSummary]:
        """Drafts created by that user (None: every draft), most recently changed first."""
        ...
    def keep_version(
        self, assessment_id: int, version: int, assessment: Assessment, reason: str,
        kept_by: str,
    ) -> None: ...
    def kept_versions(self, assessment_id: int) -> list[KeptVersion]:
        """Oldest first."""
        ...
    def last_kept_mark(self, assessment_id: int) -> KeptMark | None:
        """Who kept the newest kept version, when and why (without its document)."""
        ...
    def replace_kept_version(
        self, kept_id: int, version: int, assessment: Assessment, kept_at: datetime
    ) -> None:
        """Overwrite one kept version (the history coalesces a burst of autosaves)."""
        ...
    def signed_facts(self) -> Iterator[SignedNoteFacts]:
        """Every row that is signed or has a content hash, as stored, by id."""
        ...


class UserRepository(Protocol):
    def count(self) -> int: ...
    def find(self, username: str) -> StoredUser | None: ...
    def add(self, user: User, password_hash: str) -> User: ...
    def list_all(self) -> list[User]: ...
    def set_password_hash(self, username: str, password_hash: str) -> None: ...


class InstallationProfile(Protocol):
    def clinician(self) -> ClinicianDetails:
        """The clinician of an installation without accounts: as entered, else the
        computer's login name (``entered`` False)."""
        ...
    def set_clinician(self, details: ClinicianDetails) -> None: ...


class LoginFailureLog(Protocol):
    """Failed logins in a row per username, kept in the database so that every process and
    workstation sees them."""

    def get(self, username: str) -> LoginFailures | None: ...
    def record_failure(self, username: str, at: datetime) -> LoginFailures: ...
    def clear(self, username: str) -> None: ...


class AddendumRepository(Protocol):
    def add(self, assessment_id: int, text: str, author: User) -> Addendum: ...
    def for_assessment(self, assessment_id: int) -> list[Addendum]:
        """Oldest first."""
        ...
    def every(self) -> Iterator[Addendum]:
        """Every addendum, by id."""
        ...


class AuditLog(Protocol):
    def append(self, event: AuditEvent) -> AuditEntry:
        """Chain a new entry after the newest, holding the chain-head lock until commit."""
        ...
    def last_logged(
        self, username: str, action: AuditAction, entity_type: str, entity_id: int
    ) -> datetime | None: ...
    def entries(self) -> Iterator[AuditEntry]:
        """Every entry in sequence order."""
        ...
    def entries_for(self, entity_type: str, entity_id: int) -> list[AuditEntry]:
        """One entity's entries in sequence order."""
        ...
    def head(self) -> ChainHead: ...
    def key_state(self) -> AuditKeyState:
        """The audit key (if its file is there), the database's key record and the witness."""
        ...
    def missing_guard_triggers(self) -> list[str]:
        """Names of guard triggers that are missing or disabled."""
        ...


class ChangeFeed(Protocol):
    def token(self) -> str:
        """Changes whenever a patient or assessment is added, changed or deleted."""
        ...


class UnitOfWork(Protocol):
    patients: PatientRepository
    assessments: AssessmentRepository
    users: UserRepository
    profile: InstallationProfile
    login_failures: LoginFailureLog
    addenda: AddendumRepository
    audit: AuditLog
    changes: ChangeFeed
    visits: VisitRepository

    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None:
        """Roll back anything not committed."""
        ...
    def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


class Clock(Protocol):
    """The time now, timezone-aware; services take one so a test can set the time."""

    def __call__(self) -> datetime: ...


def utc_now() -> datetime:
    """The system clock: every service's default ``Clock``."""
    return datetime.now(UTC)


class PracticeStore(Protocol):
    """Students' attempts and supervisors' own cases, kept apart from clinical records."""

    def add_attempt(self, record: AttemptRecord) -> int: ...
    def attempts(
        self, student: str | None = None, case_id: str | None = None
    ) -> list[AttemptRecord]: ...
    def add_case(self, case_id: str, case_json: str, added_by: str, added_at: datetime) -> None:
        ...
    def own_cases(self) -> list[str]: ...


@dataclass(frozen=True)
class VisitFacts:
    """An assessment's place in the episode of care (see ``VisitRepository``)."""

    assessment_id: int
    patient_id: int
    visit_date: date
    kind: VisitKind
    follow_up_date: date | None


@dataclass(frozen=True)
class FollowUpCandidate:
    facts: VisitFacts
    patient: Patient


class VisitRepository(Protocol):
    """Kept in step with the assessments by the assessment repository (kind on ``add``,
    date and follow-up date on every write)."""

    def for_patient(self, patient_id: int) -> list[VisitFacts]:
        """Oldest first, in the order of ``AssessmentRepository.for_patient``."""
        ...
    def get(self, assessment_id: int) -> VisitFacts: ...
    def set_kind(self, assessment_id: int, kind: VisitKind) -> None: ...
    def follow_ups_until(self, last_day: date) -> list[FollowUpCandidate]:
        """The newest visit of every patient whose newest visit has a follow-up date on or
        before ``last_day`` and is not a discharge."""
        ...
