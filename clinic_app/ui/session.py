"""Who is working at this window: the logged-in user, passed as ``actor=`` to every service call.

None means a single-user installation (no login): the services then act for the
installation's only account, or the local user when there is none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the window is shown before the domain is imported (see startup.py)
    from clinic_app.domain.records.roles import User


class Session(QObject):
    userChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._user: User | None = None

    @property
    def user(self) -> User | None:
        return self._user

    @property
    def actor(self) -> User | None:
        """The value for the services' ``actor=`` keyword."""
        return self._user

    def log_in(self, user: User) -> None:
        self._user = user
        self.userChanged.emit()

    def log_out(self) -> None:
        self._user = None
        self.userChanged.emit()

    def describe(self) -> str:
        """How the status bar names the user: "Dr A. Example · clinician" ("" without a login)."""
        if self._user is None:
            return ""
        return f"{self._user.display_name} \u00b7 {self._user.role.value}"
