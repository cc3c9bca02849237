"""A database that cannot be used is one line naming the option, the value and what is
expected, exit 2, for every command; a mistyped path is never created by a command that
only reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app.cli import main

REPO = Path(__file__).resolve().parents[2]
EXPECTED_URLS = "expected sqlite:///PATH/TO/FILE.sqlite3 or postgresql+psycopg://"
UNREACHABLE = "postgresql+psycopg://clinic:s3cret@127.0.0.1:1/clinic"
COMMANDS = [
    ["db", "upgrade"],
    ["audit", "verify"],
    ["user", "list"],
    ["export", "--assessment", "1", "--soap", "note.pdf"],
]


def command_name(command: list[str]) -> str:
    return " ".join(command[:2]) if command[0] != "export" else "export"


@pytest.mark.parametrize("command", COMMANDS, ids=command_name)
@pytest.mark.parametrize(
    ("value", "shown", "problem"),
    [
        ("nonsense", "'nonsense'", f"not a database URL; {EXPECTED_URLS}"),
        ("mysql://u@h/x", "'mysql://u@h/x'", "unsupported database driver 'mysql'"),
        (UNREACHABLE, "'postgresql+psycopg://clinic:***@127.0.0.1:1/clinic'",
         "cannot open the database (connection failed"),
    ],
    ids=["garbage", "driver", "unreachable"],
)
def test_a_bad_database_option_is_one_line(
    command: list[str], value: str, shown: str, problem: str,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--database", value, *command]) == 2
    error = capsys.readouterr().err
    assert len(error.splitlines()) == 1, error
    assert error.startswith(f"{command_name(command)}: --database {shown}: {problem}")
    assert "s3cret" not in error
    assert not (tmp_path / "note.pdf").exists()


def test_a_database_file_that_cannot_be_created(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", "sqlite:////proc/no/clinic.db", "db", "upgrade"]) == 2
    assert capsys.readouterr().err == (
        "db upgrade: --database 'sqlite:////proc/no/clinic.db': cannot create or open "
        "/proc/no (No such file or directory); expected a file in a folder you can write to\n"
    )


def test_a_file_that_is_not_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n" * 300)
    for command in (["db", "upgrade"], ["audit", "verify"]):
        assert main(["--database", f"sqlite:///{notes}", *command]) == 2
        assert capsys.readouterr().err == (
            f"{' '.join(command)}: --database 'sqlite:///{notes}': cannot open the database "
            "(file is not a database); expected a Clinic App SQLite database file, or an "
            "encrypted one with its passphrase (CLINIC_APP_PASSPHRASE, the keyring or standard "
            "input)\n"
        )
    assert notes.read_text() == "shopping list\n" * 300


def test_the_environment_variable_is_named_when_it_is_the_source(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLINIC_APP_DATABASE_URL", "garbage")
    assert main(["user", "list"]) == 2
    assert capsys.readouterr().err.startswith(
        f"user list: CLINIC_APP_DATABASE_URL 'garbage': not a database URL; {EXPECTED_URLS}"
    )


def test_a_url_that_does_not_parse_still_has_its_password_masked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--database", "clinic:s3cret@db.example.org", "audit", "verify"]) == 2
    error = capsys.readouterr().err
    assert "'clinic:***@db.example.org'" in error and "s3cret" not in error


@pytest.mark.parametrize(
    "command",
    [
        ["audit", "verify"],
        ["user", "list"],
        ["user", "set-password", "cleo"],
        ["export", "--assessment", "1", "--soap", "note.pdf"],
        ["backup"],
    ],
    ids=" ".join,
)
def test_reading_commands_never_create_a_database_at_a_mistyped_path(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    typo = work / "typo.sqlite3"
    assert main(["--database", f"sqlite:///{typo}", *command]) == 2
    error = capsys.readouterr().err
    assert f"no database at {typo}" in error and len(error.splitlines()) == 1
    assert list(work.iterdir()) == []


def test_the_default_database_is_not_created_by_reading_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    default = tmp_path / "clinic-data" / "clinic.sqlite3"  # CLINIC_APP_DATA_DIR (conftest)
    assert main(["audit", "verify"]) == 2
    assert capsys.readouterr().err == (
        f"audit verify: no database at {default}: check --database or CLINIC_APP_DATA_DIR, "
        "or create the database with 'clinic-app db upgrade'\n"
    )
    assert not default.exists()
    assert main(["db", "upgrade"]) == 0 and default.is_file()
    assert main(["audit", "verify"]) == 0


@pytest.mark.slow
def test_the_console_entry_prints_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clinic_app", "--database", UNREACHABLE, "db", "upgrade"],
        capture_output=True, text=True, cwd=REPO, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "s3cret" not in result.stderr
    assert result.stderr.startswith(
        "db upgrade: --database 'postgresql+psycopg://clinic:***@127.0.0.1:1/clinic': "
    )
