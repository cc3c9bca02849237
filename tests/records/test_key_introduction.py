"""A database from before the audit key: its SHA-256 entries stay, anchored by the first
keyed entry, and verify counts them; without the key the app refuses, verify reports."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from clinic_app.app import build_services
from clinic_app.domain.records.audit import GENESIS_HASH, entry_hash
from clinic_app.storage.audit_key import AuditKeyError
from clinic_app.storage.database import Database
from clinic_app.storage.migrator import alembic_config


def a_database_at_0004_with_one_entry(path: Path) -> str:
    url = f"sqlite+pysqlite:///{path}"
    engine = create_engine(url)
    at = datetime(2025, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
    digest = entry_hash(1, at, "local", "user_added", "user", 1, GENESIS_HASH)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0004_signed_insert_guard")
        connection.execute(text(
            "INSERT INTO audit_log (sequence, occurred_at, username, action, entity_type, "
            "entity_id, previous_hash, entry_hash) VALUES (1, :at, 'local', 'user_added', "
            "'user', 1, :prev, :h)"), {"at": at, "prev": GENESIS_HASH, "h": digest})
        connection.execute(text("UPDATE audit_chain_head SET sequence = 1, last_hash = :h"),
                           {"h": digest})
    engine.dispose()
    return url


def test_entries_from_before_the_key_are_anchored_and_counted(tmp_path: Path) -> None:
    url = a_database_at_0004_with_one_entry(tmp_path / "old.sqlite3")
    database = Database.open(url)
    try:
        verification = build_services(database).audit.verify()
        assert verification.intact, verification.problems
        assert (verification.entries, verification.unkeyed_entries) == (2, 1)
    finally:
        database.close()
    key = Path(os.environ["CLINIC_APP_DATA_DIR"]) / "audit.key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32


def test_without_the_key_the_app_refuses_and_verify_reports(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'db.sqlite3'}"
    Database.open(url).close()
    (Path(os.environ["CLINIC_APP_DATA_DIR"]) / "audit.key").unlink()
    with pytest.raises(AuditKeyError, match="audit key of this database is missing"):
        Database.open(url)
    database = Database.open(url, audit_key_required=False)
    try:
        problems = build_services(database).audit.verify().problems
    finally:
        database.close()
    assert problems[0].startswith("the audit key file is missing (expected at ")
