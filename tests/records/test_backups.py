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
from tests.records.helpers import started_draft


def dump(database_file: Path) -> list[str]:
    connection = sqlite3.connect(database_file)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


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

    assert main(["--database", url(database_file), "restore", str(copy), "--yes"]) == 0
    assert dump(database_file) == original
    safety = list(backup_folder(database_file).glob("*before-restore*"))
    assert len(safety) == 1 and dump(safety[0]) != original  # the replaced data is kept
    database = Database.open(url(database_file))
    try:
        assert build_services(database).audit.verify().intact
    finally:
        database.close()


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
    assert "not a Clinic App database" in capsys.readouterr().err
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
    database = Database.open(url(database_file))
    try:
        with pytest.raises(DatabaseDamagedError, match="restore"):
            check_and_back_up(database)
    finally:
        database.close()
