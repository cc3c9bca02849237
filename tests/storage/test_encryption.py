"""Encryption at rest along the user's path: ``db encrypt`` makes the file unreadable to
sqlite3, the app opens it with the passphrase (and refuses a wrong one in one line),
backups are encrypted with the same key and restore works encrypted; ``db rekey`` and
``db decrypt`` convert it back."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from clinic_app.app import build_services, check_and_back_up
from clinic_app.resources import demo_case_paths
from clinic_app.storage.backups import backup_folder
from clinic_app.storage.database import Database
from clinic_app.storage.encryption import PassphraseError, is_encrypted

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"


def run_cli(data: Path, *args: str, stdin: str = "", passphrase: str | None = None
            ) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "CLINIC_APP_DATA_DIR": str(data), "PYTHONIOENCODING": "utf-8"}
    environment.pop("CLINIC_APP_DATABASE_URL", None)
    environment.pop("CLINIC_APP_PASSPHRASE", None)
    if passphrase is not None:
        environment["CLINIC_APP_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "clinic_app", *args], input=stdin, capture_output=True,
        text=True, cwd=REPO, env=environment, timeout=120, check=False,
    )


def unreadable_to_sqlite3(path: Path) -> bool:
    try:
        sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as error:
        return "not a database" in str(error)
    return False


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert run_cli(data, "import", str(demo_case_paths()[0])).returncode == 0
    result = run_cli(data, "db", "encrypt", stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    return data


def test_sqlite3_cannot_read_it_and_the_app_opens_it_with_the_passphrase(
    encrypted: Path,
) -> None:
    database_file = encrypted / "clinic.sqlite3"
    assert is_encrypted(database_file) and unreadable_to_sqlite3(database_file)
    assert b"Hartley" not in database_file.read_bytes()
    note = run_cli(encrypted, "export", "--assessment", "1", "--text", "-",
                   stdin=PASSPHRASE + "\n")
    assert note.returncode == 0, note.stderr
    assert "Hartley, Emma" in note.stdout
    wrong = run_cli(encrypted, "export", "--assessment", "1", "--text", "-",
                    passphrase="not the passphrase")
    assert wrong.returncode == 2
    assert wrong.stderr.strip().endswith("the passphrase does not open this database")
    none = run_cli(encrypted, "export", "--assessment", "1", "--text", "-")
    assert none.returncode == 2 and "an encrypted one with its passphrase" in none.stderr


def test_backups_are_encrypted_and_restore_works_encrypted(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database_file = encrypted / "clinic.sqlite3"
    backup = encrypted / "manual.sqlite3"
    made = run_cli(encrypted, "backup", "--to", str(backup), passphrase=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    assert unreadable_to_sqlite3(backup)
    assert run_cli(encrypted, "import", str(demo_case_paths()[1]),
                   passphrase=PASSPHRASE).returncode == 0
    restored = run_cli(encrypted, "restore", str(backup), "--yes",
                       passphrase=PASSPHRASE)
    assert restored.returncode == 0, restored.stderr
    assert is_encrypted(database_file)
    monkeypatch.setenv("CLINIC_APP_DATA_DIR", str(encrypted))  # its audit key
    database = Database.open(f"sqlite:///{database_file}", passphrase=PASSPHRASE,
                             create=False)
    try:
        names = [p.patient.family_name for p in build_services(database).patients.search("", 9)]
        assert names == ["Hartley"]  # the second import came after the backup
        check_and_back_up(database, date(2025, 5, 6))  # the start-up rotation, encrypted too
    finally:
        database.close()
    daily = backup_folder(database_file) / "clinic-daily-2025-05-06.sqlite3"
    assert is_encrypted(daily) and unreadable_to_sqlite3(daily)


def test_rekey_then_decrypt(encrypted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database_file = encrypted / "clinic.sqlite3"
    new = "a brand new passphrase"
    rekeyed = run_cli(encrypted, "db", "rekey", stdin=f"{PASSPHRASE}\n{new}\n")
    assert rekeyed.returncode == 0, rekeyed.stderr
    monkeypatch.setenv("CLINIC_APP_DATA_DIR", str(encrypted))
    with pytest.raises(PassphraseError):
        Database.open(f"sqlite:///{database_file}", passphrase=PASSPHRASE, create=False)
    decrypted = run_cli(encrypted, "db", "decrypt", passphrase=new)
    assert decrypted.returncode == 0, decrypted.stderr
    assert not is_encrypted(database_file)
    assert not unreadable_to_sqlite3(database_file)
    short = run_cli(encrypted, "db", "encrypt", stdin="short\n")
    assert short.returncode == 2 and "at least 8" in short.stderr
