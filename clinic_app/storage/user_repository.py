"""User accounts: username, display name, registration number, role and argon2 hash."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clinic_app.domain.records.accounts import AccountError
from clinic_app.domain.records.roles import Role, User
from clinic_app.services.ports import NotFoundError, StoredUser
from clinic_app.storage.clock import utc_now
from clinic_app.storage.rows import UserRow


class SqlAlchemyUserRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def count(self) -> int:
        return self._session.scalar(select(func.count()).select_from(UserRow)) or 0

    def find(self, username: str) -> StoredUser | None:
        row = self._session.scalar(select(UserRow).where(UserRow.username == username))
        return None if row is None else StoredUser(_user(row), row.password_hash)

    def add(self, user: User, password_hash: str) -> User:
        if self.find(user.username) is not None:
            raise AccountError(f"username {user.username!r} is taken: choose another")
        now = utc_now()
        row = UserRow(
            username=user.username, display_name=user.display_name,
            registration_number=user.registration_number, role=user.role.value,
            password_hash=password_hash, created_at=now, updated_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return _user(row)

    def list_all(self) -> list[User]:
        return [_user(row) for row in self._session.scalars(
            select(UserRow).order_by(UserRow.username)
        )]

    def set_password_hash(self, username: str, password_hash: str) -> None:
        changed = self._session.execute(
            update(UserRow).where(UserRow.username == username)
            .values(password_hash=password_hash, updated_at=utc_now())
            .execution_options(synchronize_session=False)
        ).rowcount  # type: ignore[attr-defined]
        if changed != 1:
            raise NotFoundError(f"no user named {username!r}")


def _user(row: UserRow) -> User:
    return User(
        username=row.username, display_name=row.display_name, role=Role(row.role),
        registration_number=row.registration_number, id=row.id,
    )
