"""``clinic-app user add/list/set-password`` with passwords on standard input."""

from __future__ import annotations

import io

import pytest

from clinic_app.cli import main


def run(
    monkeypatch: pytest.MonkeyPatch, database_url: str, stdin: str, *arguments: str
) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--database", database_url, *arguments])


def test_user_commands(
    monkeypatch: pytest.MonkeyPatch, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    admin_password = "admin password 1"
    assert run(monkeypatch, database_url, f"{admin_password}\n",
               "user", "add", "admin", "--name", "Ada Admin", "--role", "administrator") == 0
    assert run(monkeypatch, database_url, f"{admin_password}\nclinician pass 1\n",
               "user", "add", "cleo", "--name", "Cleo C", "--role", "clinician",
               "--registration", "HCPC PH123", "--as", "admin") == 0
    # Several users now: adding needs an administrator's login.
    assert run(monkeypatch, database_url, "student pass 1\n",
               "user", "add", "stu", "--name", "Stu", "--role", "student") == 2
    assert "--as is missing" in capsys.readouterr().err
    assert run(monkeypatch, database_url, "wrong\nstudent pass 1\n",
               "user", "add", "stu", "--name", "Stu", "--role", "student", "--as", "admin") == 2
    assert "wrong password" in capsys.readouterr().err
    assert run(monkeypatch, database_url, "", "user", "list") == 0
    listing = capsys.readouterr().out
    assert "cleo\tclinician\tHCPC PH123\tCleo C" in listing and "stu" not in listing
    assert run(monkeypatch, database_url, f"{admin_password}\nnew clinician pw\n",
               "user", "set-password", "cleo", "--as", "admin") == 0
    assert run(monkeypatch, database_url, "new clinician pw\nanother pw 123\n",
               "user", "set-password", "admin", "--as", "cleo") == 2
    assert "cleo (clinician) may not set another user's password" in capsys.readouterr().err
    # Your own password: asked for the current one first.
    assert run(monkeypatch, database_url, "a wrong guess\nanother pw 123\n",
               "user", "set-password", "cleo") == 2
    assert "USERNAME 'cleo': unknown username or wrong password" in capsys.readouterr().err
    assert run(monkeypatch, database_url, "new clinician pw\nanother pw 123\n",
               "user", "set-password", "cleo") == 0


def test_the_only_account_cannot_make_anyone_an_administrator_without_a_password(
    monkeypatch: pytest.MonkeyPatch, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reviewer's case: a student as the first account, then an administrator."""
    assert run(monkeypatch, database_url, "studentpass1\n",
               "user", "add", "stu", "--name", "Stu", "--role", "student") == 2
    assert capsys.readouterr().err == (
        "user add: role 'student' is not allowed for the first account: it must be an "
        "administrator, who then adds the others\n"
    )
    assert run(monkeypatch, database_url, "adminpass12\n",
               "user", "add", "boss", "--name", "Boss", "--role", "administrator") == 0
    capsys.readouterr()
    assert run(monkeypatch, database_url, "sneaky pass 1\n",
               "user", "add", "eve", "--name", "Eve", "--role", "administrator") == 2
    assert "--as is missing: this database has user accounts" in capsys.readouterr().err
    assert run(monkeypatch, database_url, "guessing123\nsneaky pass 1\n",
               "user", "add", "eve", "--name", "Eve", "--role", "administrator",
               "--as", "boss") == 2
    assert "--as 'boss': unknown username or wrong password" in capsys.readouterr().err
    assert run(monkeypatch, database_url, "", "user", "list") == 0
    assert capsys.readouterr().out == "boss\tadministrator\t-\tBoss\n"


def test_the_first_account_is_added_without_as(
    monkeypatch: pytest.MonkeyPatch, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, database_url, "adminpass12\nadminpass12\n",
               "user", "add", "boss", "--name", "Boss", "--role", "administrator",
               "--as", "boss") == 2
    assert capsys.readouterr().err.startswith(
        "user add: --as 'boss': this database has no user accounts yet"
    )
    assert run(monkeypatch, database_url, "", "user", "add", "boss", "--name", "Boss",
               "--role", "administrator") == 2
    assert capsys.readouterr().err == (
        "user add: no password on standard input (new password for boss)\n"
    )
