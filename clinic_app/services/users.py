"""User accounts, login and the rule for when a login is needed.

Managing accounts needs an administrator who proves it with a password on every call
(``Credentials``): the service checks the password itself, so no caller can add or
promote accounts by naming an administrator. Only the installation's very first
account is added without one, and it must be an administrator.

Failed logins are throttled per typed username (see ``domain.records.login_throttle``):
while its delay runs, even the right password is refused with the wait. Failures are
kept in the database, so another process or workstation cannot reset them, and logged
by username only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from clinic_app.domain.records.accounts import (
    USERNAME_PATTERN,
    check_display_name,
    check_password,
    check_registration_number,
    check_username,
)
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.login_throttle import LoginThrottledError
from clinic_app.domain.records.roles import (
    ClinicianDetails,
    PermissionDeniedError,
    Role,
    User,
    may_manage_users,
    require,
)
from clinic_app.services.actors import audit, resolve_actor
from clinic_app.services.passwords import dummy_hash, hash_password, password_matches
from clinic_app.services.ports import (
    Clock,
    LoginRequiredError,
    NotFoundError,
    UnitOfWorkFactory,
    utc_now,
)

FIRST_ACCOUNT_ROLE = Role.ADMINISTRATOR

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Credentials:
    """A username and the password that proves it."""

    username: str
    password: str = field(repr=False)


class AuthenticationError(PermissionDeniedError):
    """Unknown username or wrong password (deliberately not saying which)."""


class UserService:
    def __init__(self, unit_of_work: UnitOfWorkFactory, now: Clock = utc_now) -> None:
        self._uow = unit_of_work
        self._now = now

    def login_required(self) -> bool:
        """True when two or more accounts exist: the app must ask who is working."""
        with self._uow() as uow:
            return uow.users.count() > 1

    def default_actor(self) -> User:
        """The actor when no login is required (the only account, or the installation's
        named clinician).

        ``LoginRequiredError`` when several accounts exist.
        """
        with self._uow() as uow:
            return resolve_actor(uow, None)

    def authenticate(self, username: str, password: str) -> User:
        """The user ``username`` names, when ``password`` is theirs. ``AuthenticationError``
        otherwise; ``LoginThrottledError`` (with the wait) during a failed-login delay.

        Unknown usernames are throttled like real ones: the answer must not tell which
        usernames exist."""
        key = username.strip().lower()
        throttled = USERNAME_PATTERN.fullmatch(key) is not None  # others cannot be accounts
        with self._uow() as uow:
            failures = uow.login_failures.get(key) if throttled else None
            stored = uow.users.find(key)
        if failures is not None and (wait := failures.wait_seconds(self._now())) > 0:
            raise LoginThrottledError(key, wait)
        matches = password_matches(
            stored.password_hash if stored else dummy_hash(), password
        )
        if stored is None or not matches:
            if throttled:
                self._record_failure(key)
            raise AuthenticationError("unknown username or wrong password")
        if failures is not None:
            with self._uow() as uow:
                uow.login_failures.clear(key)
                uow.commit()
        return stored.user

    def name_local_clinician(self, display_name: str, registration_number: str | None) -> bool:
        """Name the clinician of an installation without accounts (the welcome dialog's
        details): the person who signs there. False, and nothing stored, once accounts
        exist (each account carries its own name) or when no name is given."""
        if not display_name.strip():
            return False
        details = ClinicianDetails(
            check_display_name(display_name), check_registration_number(registration_number)
        )
        with self._uow() as uow:
            if uow.users.count() > 0:
                return False
            if uow.profile.clinician() == details:
                return True
            uow.profile.set_clinician(details)
            audit(uow, resolve_actor(uow, None), AuditAction.CLINICIAN_NAMED, EntityType.USER,
                  None)
            uow.commit()
            return True

    def has_accounts(self) -> bool:
        with self._uow() as uow:
            return uow.users.count() > 0

    def list_users(self) -> list[User]:
        with self._uow() as uow:
            return uow.users.list_all()

    def administrator(self, credentials: Credentials | None, action: str) -> User:
        """Who may administer the installation (``action`` says what, for the refusal):
        the local user while no account exists, else an administrator proving it with
        ``credentials``. ``LoginRequiredError`` when they are missing."""
        verified = self._verified(credentials, action)
        with self._uow() as uow:
            acting = resolve_actor(uow, verified)
            if verified is not None:
                require(may_manage_users(acting.role), acting, action)
            return acting

    def add_user(
        self,
        credentials: Credentials | None,
        username: str,
        display_name: str,
        role: Role,
        password: str,
        registration_number: str | None = None,
    ) -> User:
        """The first account is added without credentials and must be an administrator
        (``FIRST_ACCOUNT_ROLE``): user management needs an administrator from then on, so
        a first account of any other role would leave nobody able to add the next one.
        Every later account is added by an administrator with their ``credentials``."""
        new_user = User(
            username=check_username(username),
            display_name=check_display_name(display_name),
            role=Role(role),
            registration_number=check_registration_number(registration_number),
        )
        password_hash = hash_password(check_password(password))
        verified = self._verified(credentials, "add user accounts")
        with self._uow() as uow:
            if verified is None and uow.users.count() > 0:  # another process got there first
                raise LoginRequiredError(_login_needed("add user accounts"))
            acting = resolve_actor(uow, verified)
            if verified is None:  # the installation's first account
                if new_user.role is not FIRST_ACCOUNT_ROLE:
                    raise PermissionDeniedError(
                        f"role {new_user.role.value!r} is not allowed for the first account: "
                        f"it must be an {FIRST_ACCOUNT_ROLE.value}, who then adds the others"
                    )
            else:
                require(may_manage_users(acting.role), acting, "add user accounts")
            added = uow.users.add(new_user, password_hash)
            audit(uow, acting, AuditAction.USER_ADDED, EntityType.USER, added.id)
            uow.commit()
            return added

    def set_password(self, credentials: Credentials, username: str, new_password: str) -> None:
        """Administrators set anyone's password; every user may set their own. Either way
        ``credentials`` (the administrator's, or the user's current ones) prove who acts."""
        password_hash = hash_password(check_password(new_password))
        verified = self.authenticate(credentials.username, credentials.password)
        with self._uow() as uow:
            acting = resolve_actor(uow, verified)
            if acting.username != username:
                require(may_manage_users(acting.role), acting, "set another user's password")
            target = uow.users.find(username)
            if target is None:
                raise NotFoundError(f"no user named {username!r}")
            uow.users.set_password_hash(username, password_hash)
            audit(uow, acting, AuditAction.PASSWORD_SET, EntityType.USER, target.user.id)
            uow.commit()

    def _record_failure(self, username: str) -> None:
        with self._uow() as uow:
            failures = uow.login_failures.record_failure(username, self._now())
            uow.commit()
        log.warning(
            "failed login for %r (%d in a row); next attempt heard in %d s",
            username, failures.count, failures.wait_seconds(self._now()),
        )

    def _verified(self, credentials: Credentials | None, action: str) -> User | None:
        """The user the credentials prove; None while no account exists (and none given)."""
        if credentials is not None:
            return self.authenticate(credentials.username, credentials.password)
        if self.has_accounts():
            raise LoginRequiredError(_login_needed(action))
        return None


def _login_needed(action: str) -> str:
    return (
        f"this database has user accounts: an administrator's username and password are "
        f"needed to {action}"
    )
