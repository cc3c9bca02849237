"""Who is acting: the explicit user, or, without a login, the installation's only user."""

from __future__ import annotations

from clinic_app.domain.records.audit import AuditAction, AuditEvent, EntityType
from clinic_app.domain.records.roles import (
    PermissionDeniedError,
    User,
    is_local,
    local_user,
    may_edit_records,
    require,
)
from clinic_app.services.ports import LoginRequiredError, UnitOfWork


def resolve_actor(uow: UnitOfWork, actor: User | None) -> User:
    """The acting user as stored now (so a changed role applies at once).

    * no accounts at all: the installation's clinician (a single-person installation),
      named as entered in the welcome dialog;
    * one account and no actor given: that account (no login is asked for);
    * several accounts: the actor must be given and must exist, else
      ``LoginRequiredError`` / ``PermissionDeniedError``.

    A named actor costs one indexed lookup; the accounts are counted (a tiny table)
    only when no actor is named.
    """
    if actor is not None and not is_local(actor):
        stored = uow.users.find(actor.username)
        if stored is None:
            raise PermissionDeniedError(f"no user account named {actor.username!r} exists")
        return stored.user
    accounts = uow.users.count()
    if accounts == 0:
        return local_user(uow.profile.clinician())
    if accounts == 1:
        return uow.users.list_all()[0]
    raise LoginRequiredError("several users share this database: log in first")


def resolve_editor(uow: UnitOfWork, actor: User | None, action: str) -> User:
    """``resolve_actor``, refused with ``PermissionDeniedError`` unless the role edits
    records (``action`` names what was attempted)."""
    acting = resolve_actor(uow, actor)
    require(may_edit_records(acting.role), acting, action)
    return acting


def audit(
    uow: UnitOfWork, actor: User, action: AuditAction, entity_type: EntityType,
    entity_id: int | None, detail: str | None = None,
) -> None:
    uow.audit.append(AuditEvent(actor.username, action, entity_type, entity_id, detail))
