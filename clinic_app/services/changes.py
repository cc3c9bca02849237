"""Change detection for lists that refresh when another workstation changes data."""

from __future__ import annotations

from clinic_app.services.ports import UnitOfWorkFactory


class ChangeService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def token(self) -> str:
        """An opaque string; poll it every few seconds and refresh lists when it differs.

        One indexed query, cheap enough for a timer.
        """
        with self._uow() as uow:
            return uow.changes.token()
