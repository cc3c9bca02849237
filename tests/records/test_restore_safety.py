"""Restore never loses an acknowledged save: refused while another process has the
database open; a backup is checked as a complete Clinic App database first."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from alembic import command

from clinic_app.app import build_services
from clinic_app.storage import database_lock
from clinic_app.storage.backups import backup_folder
from clinic_app.storage.database import Database
from clinic_app.storage.database_lock import DatabaseInUseError, DatabaseLock
from clinic_app.storage.migrator import alembic_config
from clinic_app.storage.sqlite_setup import configure_sqlite_engine
from tests.records.helpers import started_draft

REPO_ROOT = Path(__file__).resolve().parents[2]


def child_environment() -> dict[str, str]:
    """This test's environment (its private data folder and audit key), read when used."""
    return {**os.environ, "PYTHONPATH": str(REPO_ROOT)}


def url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def clinic_app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clinic_app", *args], cwd=REPO_ROOT, env=child_environment(),
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False,
    )


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def stored_referrals(path: Path) -> dict[int, str | None]:
    database = Database.open(url(path))
    try:
        services = build_services(database)
        with database.engine.connect() as connection:
            ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM assessments")]
        return {i: services.assessments.load(i).assessment.referral for i in ids}
    finally:
        database.close()


@pytest.fixture
def database_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "clinic.sqlite3"
    database = Database.open(url(path))
    try:
        started_draft(build_services(database))
    finally:
        database.close()
    return path


@pytest.fixture
def backup(database_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "backup.sqlite3"
    result = clinic_app("--database", url(database_file), "backup", "--to", str(copy))
    assert result.returncode == 0, result.stderr
    return copy


@pytest.mark.slow
def test_restore_is_refused_while_another_process_autosaves_and_no_save_is_lost(
    database_file: Path, backup: Path, tmp_path: Path
) -> None:
    stop = tmp_path / "stop"
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.records.autosave_worker", str(database_file), str(stop)],
        cwd=REPO_ROOT, env=child_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    acknowledged: dict[int, str] = {}
    refusals = []
    try:
        for line in holder.stdout:
            _ack, assessment_id, text = line.rstrip("\n").split(" ", 2)
            acknowledged[int(assessment_id)] = text
            if len(acknowledged) in (5, 25):  # twice, while it keeps saving
                refusals.append(clinic_app("--database", url(database_file), "restore",
                                           str(backup), "--yes"))
            if len(acknowledged) >= 40:
                break
    finally:
        stop.touch()
    rest, errors = holder.communicate(timeout=60)
    assert holder.returncode == 0, errors
    lines = rest.splitlines()
    assert lines[-1] == "closed"
    for line in lines[:-1]:
        _ack, assessment_id, text = line.split(" ", 2)
        acknowledged[int(assessment_id)] = text

    for refused in refusals:
        assert refused.returncode == 1
        assert refused.stderr == (
            f"restore: the database is open in another Clinic App window or command "
            f"({database_file}): close it first; nothing was changed\n"
        )
    assert not list(backup_folder(database_file).glob("*before-restore*"))
    stored = stored_referrals(database_file)
    assert len(acknowledged) >= 40
    assert {i: stored.get(i) for i in acknowledged} == acknowledged  # every save counted

    # The holder has gone: now the restore goes ahead, and the saves are in the safety copy.
    restored = clinic_app("--database", url(database_file), "restore", str(backup), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert not set(acknowledged) & set(stored_referrals(database_file))
    [safety] = backup_folder(database_file).glob("*before-restore*")
    kept = stored_referrals(safety)
    assert {i: kept.get(i) for i in acknowledged} == acknowledged


def test_a_process_starting_during_a_restore_waits_then_refuses(
    database_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_lock, "STARTUP_WAIT_SECONDS", 0.3)
    with DatabaseLock.exclusive(database_file), pytest.raises(
        DatabaseInUseError, match="is being restored from a backup by another Clinic App"
    ):
        Database.open(url(database_file))

    restoring = DatabaseLock.exclusive(database_file)
    threading.Timer(0.2, restoring.release).start()
    monkeypatch.setattr(database_lock, "STARTUP_WAIT_SECONDS", 10.0)
    Database.open(url(database_file)).close()  # waited for the restore to finish


def test_an_open_database_in_this_process_blocks_the_exclusive_lock(database_file: Path) -> None:
    database = Database.open(url(database_file))
    with pytest.raises(DatabaseInUseError, match="close it first; nothing was changed"):
        DatabaseLock.exclusive(database_file)
    database.close()
    DatabaseLock.exclusive(database_file).release()


def tampered_copy(backup: Path, tmp_path: Path, *statements: str) -> Path:
    copy = tmp_path / "tampered.sqlite3"
    copy.write_bytes(backup.read_bytes())
    connection = sqlite3.connect(copy)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return copy


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        (("DROP TABLE assessment_versions",), "(missing tables: assessment_versions)"),
        (("DROP TABLE users", "DROP TABLE audit_chain_head"),
         "(missing tables: audit_chain_head, users)"),
        (("DROP TRIGGER audit_log_refuse_delete",),
         "(missing guard triggers: audit_log_refuse_delete)"),
        (("DROP TRIGGER assessments_signed_insert_complete",),
         "(missing guard triggers: assessments_signed_insert_complete)"),
        (("UPDATE alembic_version SET version_num = '0099_from_the_future'",),
         "is from a newer version of Clinic App (schema revision '0099_from_the_future')"),
    ],
)
def test_an_incomplete_or_newer_backup_is_refused_and_nothing_changes(
    database_file: Path, backup: Path, tmp_path: Path, statements: tuple[str, ...],
    message: str,
) -> None:
    bad = tampered_copy(backup, tmp_path, *statements)
    before = dump(database_file)
    result = clinic_app("--database", url(database_file), "restore", str(bad), "--yes")
    assert result.returncode == 2
    assert result.stderr.startswith(f"restore: FILE: {bad} ")
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
    assert dump(database_file) == before
    assert not list(backup_folder(database_file).glob("*before-restore*"))


def database_at(path: Path, revision: str) -> Path:
    from sqlalchemy import create_engine

    engine = create_engine(url(path))
    configure_sqlite_engine(engine)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    engine.dispose()
    return path


def test_an_older_backup_is_restored_and_migrated(database_file: Path, tmp_path: Path) -> None:
    old = database_at(tmp_path / "old.sqlite3", "0003_audit_detail")
    result = clinic_app("--database", url(database_file), "restore", str(old), "--yes")
    assert result.returncode == 0, result.stderr
    assert clinic_app("--database", url(database_file), "audit", "verify").returncode == 0


def test_an_older_backup_without_its_triggers_is_refused(
    database_file: Path, tmp_path: Path
) -> None:
    old = database_at(tmp_path / "old.sqlite3", "0003_audit_detail")
    bad = tampered_copy(old, tmp_path, "DROP TRIGGER addenda_refuse_update")
    result = clinic_app("--database", url(database_file), "restore", str(bad), "--yes")
    assert result.returncode == 2
    assert "(missing guard triggers: addenda_refuse_update)" in result.stderr
