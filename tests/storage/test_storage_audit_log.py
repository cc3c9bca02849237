"""The audit log on SQLite and PostgreSQL: one entity's entries are read by query."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from clinic_app.domain.records.audit import AuditAction, AuditEvent, EntityType
from clinic_app.storage.database import Database

LOGGED = (
    (EntityType.PATIENT, 1, AuditAction.CREATED),
    (EntityType.ASSESSMENT, 1, AuditAction.CREATED),
    (EntityType.ASSESSMENT, 2, AuditAction.CREATED),
    (EntityType.PATIENT, 2, AuditAction.CREATED),
    (EntityType.ASSESSMENT, 1, AuditAction.CHANGED),
    (EntityType.ASSESSMENT, 1, AuditAction.SIGNED),
)


def log_events(database: Database) -> Database:
    with database.unit_of_work() as uow:
        for entity_type, entity_id, action in LOGGED:
            uow.audit.append(AuditEvent("cleo", action, entity_type, entity_id))
        uow.commit()
    return database


@pytest.fixture
def logged(database: Database) -> Database:
    return log_events(database)


@pytest.fixture
def logged_sqlite(tmp_path: Path) -> Iterator[Database]:
    opened = Database.open(f"sqlite+pysqlite:///{tmp_path / 'plan.sqlite3'}")
    try:
        yield log_events(opened)
    finally:
        opened.close()


def test_entries_for_one_entity_in_sequence_order(logged: Database) -> None:
    with logged.unit_of_work() as uow:
        found = uow.audit.entries_for(EntityType.ASSESSMENT.value, 1)
        every = list(uow.audit.entries())
    assert [(e.action, e.sequence) for e in found] == [
        ("created", 2), ("changed", 5), ("signed", 6)
    ]
    assert found == [e for e in every if (e.entity_type, e.entity_id) == ("assessment", 1)]
    with logged.unit_of_work() as uow:
        assert uow.audit.entries_for(EntityType.PATIENT.value, 1)[0].sequence == 1
        assert uow.audit.entries_for(EntityType.ASSESSMENT.value, 99) == []


def test_entries_for_is_answered_from_the_entity_index(logged_sqlite: Database) -> None:
    # SQLite only: PostgreSQL's planner scans a table this small whatever the indexes.
    sent: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    event.listen(logged_sqlite.engine, "before_cursor_execute", remember)
    try:
        with logged_sqlite.unit_of_work() as uow:
            uow.audit.entries_for(EntityType.ASSESSMENT.value, 1)
    finally:
        event.remove(logged_sqlite.engine, "before_cursor_execute", remember)
    [(statement, parameters)] = [(s, p) for s, p in sent if "FROM audit_log" in s]
    with logged_sqlite.engine.connect() as connection:
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    details = " ".join(str(row[-1]) for row in plan)
    assert "USING INDEX" in details and "entity_type" in details, details
