"""Failed logins in a row per username (``LoginFailureLog``), one row each, deleted on success."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from clinic_app.domain.records.login_throttle import LoginFailures
from clinic_app.storage.rows import LoginFailureRow


class SqlAlchemyLoginFailureLog:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, username: str) -> LoginFailures | None:
        row = self._session.get(LoginFailureRow, username)
        return None if row is None else _failures(row)

    def record_failure(self, username: str, at: datetime) -> LoginFailures:
        row = self._session.get(LoginFailureRow, username)
        if row is None:
            row = LoginFailureRow(username=username, failures=0)
            self._session.add(row)
        row.failures += 1
        row.last_failure_at = at
        self._session.flush()
        return _failures(row)

    def clear(self, username: str) -> None:
        self._session.execute(delete(LoginFailureRow).where(LoginFailureRow.username == username))


def _failures(row: LoginFailureRow) -> LoginFailures:
    return LoginFailures(row.username, row.failures, row.last_failure_at)
