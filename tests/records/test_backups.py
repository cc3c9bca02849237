"""Backups with SQLite's online backup API, rotation, restore and the start-up check."""

from __future__ import annotations

import io
import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from clinic_app.app import build_services, check_and_back_up
from clinic_app.cli import main
from clinic_app.domain.records.audit import AuditEntry
from clinic_app.storage.backups import (
    DAILY_KEPT,
    WEEKLY_KEPT,
    BackupError,
    backup_folder,
    check_backup_file,
    rotate_backups,
)
from clinic_app.storage.database import Database
from clinic_app.storage.integrity import DatabaseDamagedError, quick_check
from tests.records.helpers import PASSWORD, clinic_users, started_draft


def dump(database_file: Path) -> list[str]:
    connection = sqlite3.connect(database_file)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def dump_without_audit(database_file: Path) -> list[str]:
    """The data, leaving out the audit log, which a restore itself appends to."""
    return [line for line in dump(database_file) if "audit_" not in line]


def audit_entries(database_file: Path) -> list[AuditEntry]:
    database = Database.open(url(database_file))
    try:
        with database.unit_of_work() as uow:
            return list(uow.audit.entries())
    finally:
        database.close()


@pytest.fixture
def database_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "clinic.sqlite3"
    database = Database.open(f"sqlite+pysqlite:///{path}")
    try:
        services = build_services(database)
        draft = started_draft(services)
        services.signing.sign(draft.id, None)
        services.signing.add_addendum(draft.id, "later correction", None)
    finally:
        database.close()
    return path


def url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def test_backup_then_restore_gives_identical_data(
    database_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = dump(database_file)
    copy = tmp_path / "copy.sqlite3"
    assert main(["--database", url(database_file), "backup", "--to", str(copy)]) == 0
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert dump(copy) == original

    database = Database.open(url(database_file))
    try:
        build_services(database).assessments.start(1, date(2024, 6, 1))
    finally:
        database.close()
    assert dump(database_file) != original

    entries_in_backup = audit_entries(copy)
    assert main(["--database", url(database_file), "restore", str(copy), "--yes"]) == 0
    assert dump_without_audit(database_file) == dump_without_audit(copy)
    safety = list(backup_folder(database_file).glob("*before-restore*"))
    assert len(safety) == 1 and dump(safety[0]) != original  # the replaced data is kept

    entries = audit_entries(database_file)
    assert entries[:-1] == entries_in_backup
    restored = entries[-1]
    assert (restored.username, restored.action, restored.entity_type) == (
        "(local)", "database_restored", "database",
    )
    assert restored.detail == (
        f"restored from copy.sqlite3; the replaced database is kept as {safety[0].name}"
    )
    database = Database.open(url(database_file))
    try:
        assert build_services(database).audit.verify().intact
    finally:
        database.close()
    assert main(["--database", url(database_file), "audit", "verify"]) == 0


def test_restore_with_accounts_is_done_and_logged_by_an_administrator(
    database_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = Database.open(url(database_file))
    try:
        clinic_users(build_services(database))
    finally:
        database.close()
    copy = tmp_path / "copy.sqlite3"
    backing_up = ["--database", url(database_file), "backup", "--to", str(copy)]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(backing_up) == 2
    assert capsys.readouterr().err == (
        "backup: --as is missing: this database has user accounts: an administrator's "
        "username and password are needed to back up the database\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert main([*backing_up, "--as", "sam"]) == 2
    assert "sam (supervisor) may not back up the database" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert main([*backing_up, "--as", "admin"]) == 2
    assert "unknown username or wrong password" in capsys.readouterr().err
    assert not copy.exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert main([*backing_up, "--as", "admin"]) == 0
    assert copy.is_file()
    arguments = ["--database", url(database_file), "restore", str(copy), "--yes"]

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(arguments) == 2
    assert "--as is missing" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert main([*arguments, "--as", "sam"]) == 2
    assert "sam (supervisor) may not restore the database" in capsys.readouterr().err
    assert not list(backup_folder(database_file).glob("*before-restore*"))  # nothing done

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert main([*arguments, "--as", "admin"]) == 0
    restored = audit_entries(database_file)[-1]
    assert (restored.username, restored.action) == ("admin", "database_restored")
    assert restored.detail is not None and "copy.sqlite3" in restored.detail
    assert main(["--database", url(database_file), "audit", "verify"]) == 0


def test_a_damaged_database_is_restored_and_kept_as_found(
    database_file: Path, tmp_path: Path,
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["--database", url(database_file), "backup", "--to", str(copy)]) == 0
    damage(database_file)
    assert main(["--database", url(database_file), "restore", str(copy), "--yes"]) == 0
    assert dump_without_audit(database_file) == dump_without_audit(copy)
    assert audit_entries(database_file)[-1].action == "database_restored"
    safety = list(backup_folder(database_file).glob("*before-restore*"))
    assert len(safety) == 1 and stat.S_IMODE(safety[0].stat().st_mode) == 0o600


def test_an_unreadable_database_is_replaced_and_kept_byte_for_byte(
    database_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["--database", url(database_file), "backup", "--to", str(copy)]) == 0
    for side in database_file.parent.glob(f"{database_file.name}-*"):
        side.unlink()
    database_file.write_bytes(b"overwritten by accident" * 100)
    assert main(["--database", url(database_file), "restore", str(copy), "--yes"]) == 0
    assert "cannot be read" in capsys.readouterr().err  # the backup's accounts decided
    assert dump_without_audit(database_file) == dump_without_audit(copy)
    [safety] = backup_folder(database_file).glob("*before-restore*")
    assert safety.read_bytes() == b"overwritten by accident" * 100
    assert main(["--database", url(database_file), "audit", "verify"]) == 0


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{db}", "is the live database or one of its side files"),
        ("{db}-wal", "is the live database or one of its side files"),
        ("{db}-shm", "is the live database or one of its side files"),
        ("{folder}", "is a folder: give a file name"),
        ("/proc/clinic-backup.sqlite3", "cannot write the backup to /proc/clinic-backup"),
    ],
)
def test_backup_refuses_targets_it_cannot_or_must_not_write(
    database_file: Path, target: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(database_file)
    target = target.format(db=database_file, folder=database_file.parent)
    assert main(["--database", url(database_file), "backup", "--to", target]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"backup: --to: {target} ") or target in error
    assert message in error and ".partial" not in error and len(error.splitlines()) == 1
    assert dump(database_file) == before


def test_backup_and_restore_need_an_existing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.sqlite3"
    assert main(["--database", url(missing), "backup"]) == 2
    assert capsys.readouterr().err == f"backup: no database at {missing}: nothing to back up\n"
    assert not missing.exists()


def test_restore_asks_and_does_nothing_unless_confirmed(
    database_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy.sqlite3"
    main(["--database", url(database_file), "backup", "--to", str(copy)])
    before = dump(database_file)
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    assert main(["--database", url(database_file), "restore", str(copy)]) == 1
    assert dump(database_file) == before


def test_restore_refuses_a_file_that_is_not_a_clinic_database(
    database_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = dump(database_file)
    assert main(["--database", url(database_file), "restore", str(text_file), "--yes"]) == 2
    assert "not a SQLite database" in capsys.readouterr().err
    assert main(["--database", url(database_file), "restore", str(other), "--yes"]) == 2
    assert "is not a complete Clinic App database (missing tables: addenda, alembic_version" in (
        capsys.readouterr().err
    )
    assert main(["--database", url(database_file), "restore", str(database_file), "--yes"]) == 2
    assert "is the database itself" in capsys.readouterr().err
    assert dump(database_file) == before
    with pytest.raises(BackupError):
        check_backup_file(tmp_path / "missing.sqlite3")


def test_postgresql_backups_point_to_the_servers_tools(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--database", "postgresql+psycopg://u@127.0.0.1:1/x", "backup"]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_rotation_keeps_seven_daily_and_four_weekly(database_file: Path) -> None:
    start = date(2024, 1, 1)
    for day in range(40):
        rotate_backups(database_file, start + timedelta(days=day))
    folder = backup_folder(database_file)
    daily = sorted(folder.glob("*-daily-*.sqlite3"))
    weekly = sorted(folder.glob("*-weekly-*.sqlite3"))
    assert len(daily) == DAILY_KEPT and len(weekly) == WEEKLY_KEPT
    assert daily[-1].name.endswith("2024-02-09.sqlite3")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    again = rotate_backups(database_file, start + timedelta(days=39))
    assert again.created == ()  # at most once a day
    check_backup_file(daily[-1])


def test_start_up_checks_integrity_and_backs_up(database_file: Path) -> None:
    database = Database.open(url(database_file))
    try:
        assert quick_check(database.engine).ok
        check_and_back_up(database, date(2024, 3, 4))
    finally:
        database.close()
    assert len(list(backup_folder(database_file).glob("*-daily-2024-03-04.sqlite3"))) == 1


def test_a_damaged_database_is_reported_at_start(database_file: Path) -> None:
    damage(database_file)
    database = Database.open(url(database_file))
    try:
        with pytest.raises(DatabaseDamagedError, match="restore"):
            check_and_back_up(database)
    finally:
        database.close()


def damage(database_file: Path) -> None:
    connection = sqlite3.connect(database_file)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode = DELETE")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'assessments'"
    ).fetchone()[0]
    connection.close()
    with database_file.open("r+b") as handle:  # scribble over the assessments table's page
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d" + b"\xff" * 200)
