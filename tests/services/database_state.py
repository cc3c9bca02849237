"""What a service test reads back from the real database besides the service's own answers."""

from __future__ import annotations

from clinic_app.storage.database import Database


def audit_length(database: Database) -> int:
    """Entries in the audit log: every committed write adds one, a refused one adds none."""
    with database.unit_of_work() as uow:
        return uow.audit.head().sequence
