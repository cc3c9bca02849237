"""The guard triggers the migrations create, by name: one list for every check of their
presence (a backup before restore, ``audit verify``).

Each trigger is listed with the dialect it exists on and the migration that creates it,
so a database at an older revision is expected to have only the ones made up to there.
A migration that adds, renames or drops a guard trigger updates this list in the same
change; ``tests/storage/test_guard_triggers.py`` compares it with what the migrations
really create on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, text

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


@dataclass(frozen=True)
class GuardTrigger:
    name: str
    table: str
    dialect: str
    revision: str  # the migration that creates it


GUARD_TRIGGERS: tuple[GuardTrigger, ...] = (
    *(
        GuardTrigger(name, table, SQLITE, "0002_records")
        for name, table in (
            ("assessments_signed_refuse_update", "assessments"),
            ("assessments_signed_refuse_delete", "assessments"),
            ("assessments_signature_complete", "assessments"),
            ("addenda_refuse_update", "addenda"),
            ("addenda_refuse_delete", "addenda"),
            ("audit_log_refuse_update", "audit_log"),
            ("audit_log_refuse_delete", "audit_log"),
        )
    ),
    *(
        GuardTrigger(name, table, POSTGRESQL, "0002_records")
        for name, table in (
            ("assessments_guard_signed", "assessments"),
            ("addenda_append_only", "addenda"),
            ("audit_log_append_only", "audit_log"),
            ("audit_log_no_truncate", "audit_log"),
            ("addenda_no_truncate", "addenda"),
        )
    ),
    GuardTrigger(
        "assessments_signed_insert_complete", "assessments", SQLITE, "0004_signed_insert_guard"
    ),
    GuardTrigger(
        "assessments_signed_insert_complete", "assessments", POSTGRESQL,
        "0004_signed_insert_guard",
    ),
)


def expected_guard_triggers(dialect: str, applied_revisions: Collection[str]) -> frozenset[str]:
    """The guard trigger names a ``dialect`` database with these migrations applied has."""
    return frozenset(
        trigger.name for trigger in GUARD_TRIGGERS
        if trigger.dialect == dialect and trigger.revision in applied_revisions
    )


def present_triggers(connection: Connection) -> frozenset[str]:
    """The names of the triggers the database has (SQLite or PostgreSQL)."""
    if connection.dialect.name == SQLITE:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    else:
        query = (
            "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
        )
    return frozenset(connection.scalars(text(query)))
