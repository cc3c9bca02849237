"""The integrity check run at start-up (signed notes are checked by ``audit verify``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError


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
