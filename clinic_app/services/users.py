"""User accounts, login and the rule for when a login is needed."""

from __future__ import annotations

from clinic_app.domain.records.accounts import (
    check_display_name,
    check_password,
    check_registration_number,
    check_username,
)
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import (
    PermissionDeniedError,
    Role,
    User,
    may_manage_users,
    require,
)
from clinic_app.services.actors import audit, resolve_actor
from clinic_app.services.passwords import dummy_hash, hash_password, password_matches
from clinic_app.services.ports import NotFoundError, UnitOfWorkFactory


class AuthenticationError(PermissionDeniedError):
    """Unknown username or wrong password (deliberately not saying which)."""


class UserService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def login_required(self) -> bool:
        """True when two or more accounts exist: the app must ask who is working."""
        with self._uow() as uow:
            return uow.users.count() > 1

    def default_actor(self) -> User:
        """The actor when no login is required (the only account, or the local user).

        ``LoginRequiredError`` when several accounts exist.
        """
        with self._uow() as uow:
            return resolve_actor(uow, None)

    def authenticate(self, username: str, password: str) -> User:
        with self._uow() as uow:
            stored = uow.users.find(username.strip().lower())
        if stored is None:
            password_matches(dummy_hash(), password)
            raise AuthenticationError("unknown username or wrong password")
        if not password_matches(stored.password_hash, password):
            raise AuthenticationError("unknown username or wrong password")
        return stored.user

    def list_users(self) -> list[User]:
        with self._uow() as uow:
            return uow.users.list_all()

    def add_user(
        self,
        actor: User | None,
        username: str,
        display_name: str,
        role: Role,
        password: str,
        registration_number: str | None = None,
    ) -> User:
        """Administrators add accounts. While the installation has at most one account
        (no login yet), its owner may add accounts too; a second account is only
        accepted if one of the accounts is then an administrator, so that someone can
        always manage users once a login is required."""
        new_user = User(
            username=check_username(username),
            display_name=check_display_name(display_name),
            role=Role(role),
            registration_number=check_registration_number(registration_number),
        )
        check_password(password)
        with self._uow() as uow:
            acting = resolve_actor(uow, actor)
            existing = uow.users.list_all()
            if len(existing) > 1:
                require(may_manage_users(acting.role), acting, "manage user accounts")
            if existing and not any(
                user.role is Role.ADMINISTRATOR for user in [*existing, new_user]
            ):
                raise PermissionDeniedError(
                    "a database shared by several users needs an administrator: "
                    "add an administrator account first"
                )
            added = uow.users.add(new_user, hash_password(password))
            audit(uow, acting, AuditAction.USER_ADDED, EntityType.USER, added.id)
            uow.commit()
            return added

    def set_password(self, actor: User | None, username: str, new_password: str) -> None:
        """Administrators set anyone's password; every user may set their own."""
        check_password(new_password)
        with self._uow() as uow:
            acting = resolve_actor(uow, actor)
            if acting.username != username:
                require(may_manage_users(acting.role), acting, "set another user's password")
            target = uow.users.find(username)
            if target is None:
                raise NotFoundError(f"no user named {username!r}")
            uow.users.set_password_hash(username, hash_password(new_password))
            audit(uow, acting, AuditAction.PASSWORD_SET, EntityType.USER, target.user.id)
            uow.commit()

