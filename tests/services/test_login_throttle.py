"""Failed logins are throttled per account, in the database, with an injected clock."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clinic_app.domain.records.login_throttle import LoginThrottledError, delay_after
from clinic_app.domain.records.roles import Role
from clinic_app.services.users import AuthenticationError, UserService
from clinic_app.storage.database import Database

PASSWORD = "correct horse battery"


class SetClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = Database.open(f"sqlite+pysqlite:///{tmp_path / 'clinic.sqlite3'}")
    UserService(opened.unit_of_work).add_user(
        None, "admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD
    )
    try:
        yield opened
    finally:
        opened.close()


def test_the_delay_is_free_three_times_then_doubles_to_a_cap() -> None:
    assert [delay_after(n).total_seconds() for n in range(12)] == [
        0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30,
    ]
    assert delay_after(10**6).total_seconds() == 30


def test_wrong_passwords_grow_the_delay_the_right_one_waits_then_resets(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    clock = SetClock()
    users = UserService(database.unit_of_work, clock)
    for _ in range(3):  # typos cost nothing
        with pytest.raises(AuthenticationError):
            users.authenticate("admin", "guess")
    waits = []
    for _ in range(7):
        with pytest.raises(AuthenticationError):
            users.authenticate("admin", "guess")
        with pytest.raises(LoginThrottledError) as throttled:
            users.authenticate("admin", PASSWORD)  # the right one, refused during the delay
        waits.append(throttled.value.seconds)
        clock.advance(throttled.value.seconds)
    assert waits == [1, 2, 4, 8, 16, 30, 30]

    with pytest.raises(AuthenticationError):
        users.authenticate("admin", "one more")
    clock.advance(29)
    with pytest.raises(LoginThrottledError) as refused:
        users.authenticate("Admin ", PASSWORD)
    assert str(refused.value) == "too many failed attempts for admin: try again in 1 s"

    clock.advance(1)
    assert users.authenticate("admin", PASSWORD).username == "admin"
    with pytest.raises(AuthenticationError):  # reset: a typo costs nothing again
        users.authenticate("admin", "typo")
    assert users.authenticate("admin", PASSWORD).username == "admin"

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "failed login for 'admin'" in logged
    assert "guess" not in logged and PASSWORD not in logged and "typo" not in logged


def test_the_delay_holds_across_processes_sharing_the_database(
    database: Database, tmp_path: Path
) -> None:
    clock = SetClock()
    first = UserService(database.unit_of_work, clock)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            first.authenticate("admin", "guess")
        clock.advance(30)  # each guess heard after its delay
    clock.advance(-30)  # just after the fifth failure
    other = Database.open(f"sqlite+pysqlite:///{tmp_path / 'clinic.sqlite3'}")
    try:
        with pytest.raises(LoginThrottledError, match="try again in 2 s"):
            UserService(other.unit_of_work, clock).authenticate("admin", PASSWORD)
    finally:
        other.close()


def test_unknown_usernames_are_throttled_alike(database: Database) -> None:
    users = UserService(database.unit_of_work, SetClock())
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            users.authenticate("nobody", "guess")
    with pytest.raises(LoginThrottledError, match="too many failed attempts for nobody"):
        users.authenticate("nobody", "guess")


def test_the_cli_says_how_long_to_wait(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    database_file = tmp_path / "cli" / "clinic.sqlite3"
    database = Database.open(f"sqlite+pysqlite:///{database_file}")
    UserService(database.unit_of_work).add_user(
        None, "admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD
    )
    database.close()

    def backup_as_admin(password: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "clinic_app", "--database",
             f"sqlite+pysqlite:///{database_file}", "backup", "--as", "admin"],
            input=f"{password}\n", capture_output=True, text=True, timeout=120, check=False,
            env=dict(os.environ),  # the same data folder, so the same audit key
        )

    database = Database.open(f"sqlite+pysqlite:///{database_file}")
    with database.unit_of_work() as uow:  # six failures just now: a 4 s delay
        for _ in range(6):
            uow.login_failures.record_failure("admin", datetime.now(UTC))
        uow.commit()
    database.close()
    refused = backup_as_admin(PASSWORD)  # the right password, within the 4 s delay
    assert refused.returncode == 2
    assert re.fullmatch(
        r"backup: --as 'admin': too many failed attempts for admin: try again in [1-4] s\n",
        refused.stderr,
    )
