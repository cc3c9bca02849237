"""Who is acting: the explicit user, or, without a login, the installation's only user."""

from __future__ import annotations

from clinic_app.domain.records.audit import AuditAction, AuditEvent, EntityType
from clinic_app.domain.records.roles import LOCAL_USER, PermissionDeniedError, User
from clinic_app.services.ports import LoginRequiredError, UnitOfWork


def resolve_actor(uow: UnitOfWork, actor: User | None) -> User:
    """The acting user as stored now (so a changed role applies at once).

    * no accounts at all: the local user (a single-person installation);
    * one account and no actor given: that account (no login is asked for);
    * several accounts: the actor must be given and must exist, else
      ``LoginRequiredError`` / ``PermissionDeniedError``.
    """
    accounts = uow.users.count()
    if accounts == 0:
        if actor is None or actor == LOCAL_USER:
            return LOCAL_USER
        raise PermissionDeniedError(f"no user account named {actor.username!r} exists")
    if actor is None or actor == LOCAL_USER:
        if accounts == 1:
            return uow.users.list_all()[0]
        raise LoginRequiredError("several users share this database: log in first")
    stored = uow.users.find(actor.username)
    if stored is None:
        raise PermissionDeniedError(f"no user account named {actor.username!r} exists")
    return stored.user


def audit(
    uow: UnitOfWork, actor: User, action: AuditAction, entity_type: EntityType,
    entity_id: int | None,
) -> None:
    uow.audit.append(AuditEvent(actor.username, action, entity_type, entity_id))
