"""The installation's clinician when it has no user accounts (one row)."""

from __future__ import annotations

import getpass

from sqlalchemy.orm import Session

from clinic_app.domain.records.roles import ClinicianDetails
from clinic_app.storage.clock import utc_now
from clinic_app.storage.rows import LocalClinicianRow

_ROW_ID = 1
_UNKNOWN_LOGIN = "unknown"


class SqlAlchemyInstallationProfile:
    def __init__(self, session: Session) -> None:
        self._session = session

    def clinician(self) -> ClinicianDetails:
        row = self._session.get(LocalClinicianRow, _ROW_ID)
        if row is None:
            return ClinicianDetails(computer_login(), entered=False)
        return ClinicianDetails(row.display_name, row.registration_number)

    def set_clinician(self, details: ClinicianDetails) -> None:
        row = self._session.get(LocalClinicianRow, _ROW_ID)
        if row is None:
            row = LocalClinicianRow(id=_ROW_ID)
            self._session.add(row)
        row.display_name = details.display_name
        row.registration_number = details.registration_number
        row.updated_at = utc_now()
        self._session.flush()


def computer_login() -> str:
    """Who is logged in to this computer: the signer's name until one is entered."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME (a bare container)
        return _UNKNOWN_LOGIN
