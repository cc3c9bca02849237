"""The integrity check run at start-up, and the check of signed notes' content hashes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, or_, select
from sqlalchemy.exc import DBAPIError

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.records.canonical import content_hash
from clinic_app.storage.rows import AssessmentRow

SIGNED = AssessmentStatus.SIGNED.value


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    engine: str
    messages: tuple[str, ...]

    def describe(self) -> str:
        if self.ok:
            return f"{self.engine} integrity check: ok"
        return f"{self.engine} integrity check FAILED:\n" + "\n".join(self.messages)


class DatabaseDamagedError(RuntimeError):
    """The integrity check found damage: restore a backup (``clinic-app restore``)."""

    def __init__(self, report: IntegrityReport) -> None:
        self.report = report
        super().__init__(
            report.describe() + "\nRestore a backup with 'clinic-app restore FILE' "
            "(automatic backups are in the 'backups' folder beside the database)."
        )


def quick_check(engine: Engine) -> IntegrityReport:
    """SQLite: ``PRAGMA quick_check`` (seconds even on large files; checks b-trees and
    records, skips index-content cross-checks). PostgreSQL checksums and repairs its own
    pages, so there is nothing comparable to run from a client."""
    if engine.dialect.name != "sqlite":
        return IntegrityReport(True, engine.dialect.name,
                               ("checked by the PostgreSQL server itself",))
    return _sqlite_check(engine, "quick_check")


def full_check(engine: Engine) -> IntegrityReport:
    """SQLite ``PRAGMA integrity_check``: slower, also cross-checks indexes."""
    if engine.dialect.name != "sqlite":
        return quick_check(engine)
    return _sqlite_check(engine, "integrity_check")


def _sqlite_check(engine: Engine, pragma: str) -> IntegrityReport:
    try:
        with engine.connect() as connection:
            rows = [str(row[0]) for row in connection.exec_driver_sql(f"PRAGMA {pragma}")]
    except DBAPIError as error:  # damage bad enough that the check itself cannot run
        return IntegrityReport(False, "sqlite", (str(error.orig),))
    ok = rows == ["ok"]
    return IntegrityReport(ok, "sqlite", () if ok else tuple(rows))


@dataclass(frozen=True)
class SignedContentReport:
    checked: int
    problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_signed_content(engine: Engine) -> SignedContentReport:
    """Recompute the SHA-256 of every signed assessment's canonical content (see
    ``clinic_app.domain.records.canonical``) and compare it with the stored content hash.

    Catches a signed row edited with the triggers switched off, or inserted by hand with
    a made-up hash. Problems name the assessment only, never its content.
    """
    statement = (
        select(
            AssessmentRow.id, AssessmentRow.patient_id, AssessmentRow.status,
            AssessmentRow.document, AssessmentRow.signed_by, AssessmentRow.signed_at,
            AssessmentRow.content_hash, AssessmentRow.submitted_by,
        )
        .where(or_(AssessmentRow.status == SIGNED, AssessmentRow.content_hash.is_not(None)))
        .order_by(AssessmentRow.id)
    )
    checked = 0
    problems: list[str] = []
    with engine.connect() as connection:
        for row in connection.execute(statement):
            checked += 1
            problem = _signed_row_problem(row)
            if problem is not None:
                problems.append(f"assessment {row.id} {problem}")
    return SignedContentReport(checked, tuple(problems))


def _signed_row_problem(row: Any) -> str | None:
    if row.status != SIGNED:
        return f"has a content hash but its status is {row.status!r}, not {SIGNED!r}"
    if row.signed_by is None or row.signed_at is None or row.content_hash is None:
        return "is signed but has no complete signature (signer, time and content hash)"
    try:
        assessment = Assessment.model_validate_json(row.document)
    except ValidationError:  # the errors would quote findings: say only that it is unreadable
        return "is signed but its stored document is not a valid assessment"
    expected = content_hash(
        assessment, row.patient_id, row.signed_by, row.signed_at, row.submitted_by
    )
    if expected != row.content_hash:
        return (
            f"(signed by {row.signed_by}) does not match its content hash: "
            "the note was changed after it was signed"
        )
    return None
