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
    assert "log in" in capsys.readouterr().err
    assert run(monkeypatch, database_url, "wrong\nstudent pass 1\n",
               "user", "add", "stu", "--name", "Stu", "--role", "student", "--as", "admin") == 2
    assert "wrong password" in capsys.readouterr().err
    assert run(monkeypatch, database_url, "", "user", "list") == 0
    listing = capsys.readouterr().out
    assert "cleo\tclinician\tHCPC PH123\tCleo C" in listing and "stu" not in listing
    assert run(monkeypatch, database_url, f"{admin_password}\nnew clinician pw\n",
               "user", "set-password", "cleo", "--as", "admin") == 0
    assert run(monkeypatch, database_url, "clinician pass 1\nanother pw 123\n",
               "user", "set-password", "admin", "--as", "cleo") == 2
