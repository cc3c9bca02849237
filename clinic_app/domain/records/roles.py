"""Users' roles and what each may do, as pure rules the services enforce."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CLINICIAN = "clinician"
    STUDENT = "student"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class PermissionDeniedError(PermissionError):
    """The acting user's role does not allow this action."""


# Who edits records: administrators manage accounts, not patients' notes.
_EDITS_RECORDS = frozenset({Role.CLINICIAN, Role.STUDENT, Role.SUPERVISOR})
_SIGNS = frozenset({Role.CLINICIAN, Role.SUPERVISOR})
_CO_SIGNS = frozenset({Role.SUPERVISOR})
_MANAGES_USERS = frozenset({Role.ADMINISTRATOR})


@dataclass(frozen=True)
class User:
    """The acting person, passed explicitly to every service call that writes."""

    username: str
    display_name: str
    role: Role
    registration_number: str | None = None
    id: int | None = None

    @property
    def signature_name(self) -> str:
        """How the user appears on a signed note: name and registration number if any."""
        if self.registration_number:
            return f"{self.display_name} ({self.registration_number})"
        return self.display_name


# The actor of an installation without any user account: one person, no login.
# Its username cannot collide with a real one (usernames are validated, see users.py).
LOCAL_USERNAME = "(local)"


@dataclass(frozen=True)
class ClinicianDetails:
    """Who works on an installation without accounts, as entered in the welcome dialog
    (``entered``), or, until then, the computer's login name."""

    display_name: str
    registration_number: str | None = None
    entered: bool = True


def local_user(details: ClinicianDetails) -> User:
    """The installation's one clinician, named as they appear on what they sign."""
    name = details.display_name if details.entered else f"{details.display_name} (computer login)"
    return User(
        username=LOCAL_USERNAME, display_name=name, role=Role.CLINICIAN,
        registration_number=details.registration_number,
    )


def is_local(user: User) -> bool:
    return user.username == LOCAL_USERNAME


def may_edit_records(role: Role) -> bool:
    return role in _EDITS_RECORDS


def may_sign(role: Role) -> bool:
    return role in _SIGNS


def may_co_sign(role: Role) -> bool:
    return role in _CO_SIGNS


def may_manage_users(role: Role) -> bool:
    return role in _MANAGES_USERS


def needs_co_signature(role: Role) -> bool:
    """A student's signature is a submission that waits for a supervisor."""
    return role is Role.STUDENT


def require(allowed: bool, actor: User, action: str) -> None:
    if not allowed:
        raise PermissionDeniedError(
            f"{actor.username} ({actor.role.value}) may not {action}"
        )
