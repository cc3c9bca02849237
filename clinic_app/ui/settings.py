"""Typed access to the GUI's own preferences.

No patient data is kept here, only a patient's id: the file is outside the database's
protection, so not even the last search text (usually a name) is remembered.

Stored as an INI file in the user's configuration folder. ``CLINIC_APP_SETTINGS_DIR``
(or ``AppSettings.redirect_to``) moves it, so tests and subprocess runs never touch
the real user's settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from clinic_app.private_files import restrict_to_owner

ORGANIZATION = "clinic-app"
APPLICATION = "clinic-app"
SETTINGS_DIR_VARIABLE = "CLINIC_APP_SETTINGS_DIR"

_GEOMETRY = "main_window/geometry"
_STATE = "main_window/state"
_SPLITTER = "main_window/splitter"
_PATIENT_LIST_VISIBLE = "main_window/patient_list_visible"
_LAST_PATIENT = "choices/last_patient_id"
_LAST_CLINICIAN = "choices/last_clinician"
_LAST_EXPORT_FOLDER = "export/last_folder"
_OPEN_AFTER_EXPORT = "export/open_after_export"
_CLINIC_NAME = "letterhead/clinic_name"
_CLINIC_ADDRESS = "letterhead/address"
_CLINIC_LOGO = "letterhead/logo_path"
_CLINICIAN_NAME = "letterhead/clinician_name"
_REGISTRATION_NUMBER = "letterhead/registration_number"
_WELCOME_DONE = "first_run/welcome_done"
_RUNNING = "recovery/running"
_OPEN_ASSESSMENTS = "recovery/open_assessments"


class AppSettings:
    def __init__(self) -> None:
        folder = os.environ.get(SETTINGS_DIR_VARIABLE)
        if folder:
            self.redirect_to(Path(folder))
        self._store = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    @staticmethod
    def redirect_to(folder: Path) -> None:
        """Keep the INI files for this process under ``folder`` (affects later instances)."""
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))

    @property
    def file_path(self) -> Path:
        return Path(self._store.fileName())

    def sync(self) -> None:
        """Write the settings; they name the clinic and the last patient, so owner only."""
        self._store.sync()
        restrict_to_owner(self.file_path)

    # -- main window -------------------------------------------------------------------------

    @property
    def main_window_geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    @main_window_geometry.setter
    def main_window_geometry(self, value: QByteArray) -> None:
        self._store.setValue(_GEOMETRY, value)

    @property
    def main_window_state(self) -> QByteArray | None:
        return self._bytes(_STATE)

    @main_window_state.setter
    def main_window_state(self, value: QByteArray) -> None:
        self._store.setValue(_STATE, value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes(_SPLITTER)

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._store.setValue(_SPLITTER, value)

    @property
    def patient_list_visible(self) -> bool | None:
        """Whether the patient list shows beside open assessments (View > Show patient list);
        None until the user chooses, the window's width then decides."""
        if self._store.value(_PATIENT_LIST_VISIBLE) is None:
            return None
        return self._flag(_PATIENT_LIST_VISIBLE)

    @patient_list_visible.setter
    def patient_list_visible(self, value: bool) -> None:
        self._store.setValue(_PATIENT_LIST_VISIBLE, bool(value))

    # -- last choices ------------------------------------------------------------------------

    @property
    def last_patient_id(self) -> int | None:
        raw = self._store.value(_LAST_PATIENT)
        try:
            return int(raw) if raw not in (None, "") else None
        except (TypeError, ValueError):
            return None  # a hand-edited or corrupt file must not stop the app

    @last_patient_id.setter
    def last_patient_id(self, value: int | None) -> None:
        if value is None:
            self._store.remove(_LAST_PATIENT)
        else:
            self._store.setValue(_LAST_PATIENT, int(value))

    @property
    def last_clinician(self) -> str:
        return self._text(_LAST_CLINICIAN)

    @last_clinician.setter
    def last_clinician(self, value: str) -> None:
        self._store.setValue(_LAST_CLINICIAN, value)

    # -- exports -----------------------------------------------------------------------------

    @property
    def last_export_folder(self) -> Path | None:
        text = self._text(_LAST_EXPORT_FOLDER)
        return Path(text) if text else None

    @last_export_folder.setter
    def last_export_folder(self, value: Path) -> None:
        self._store.setValue(_LAST_EXPORT_FOLDER, str(value))

    @property
    def open_after_export(self) -> bool:
        return self._flag(_OPEN_AFTER_EXPORT)

    @open_after_export.setter
    def open_after_export(self, value: bool) -> None:
        self._store.setValue(_OPEN_AFTER_EXPORT, bool(value))

    # -- letterhead (clinic details printed on every document) --------------------------------

    @property
    def clinic_name(self) -> str:
        return self._text(_CLINIC_NAME)

    @clinic_name.setter
    def clinic_name(self, value: str) -> None:
        self._store.setValue(_CLINIC_NAME, value)

    @property
    def clinic_address(self) -> str:
        return self._text(_CLINIC_ADDRESS)

    @clinic_address.setter
    def clinic_address(self, value: str) -> None:
        self._store.setValue(_CLINIC_ADDRESS, value)

    @property
    def clinic_logo_path(self) -> Path | None:
        text = self._text(_CLINIC_LOGO)
        return Path(text) if text else None

    @clinic_logo_path.setter
    def clinic_logo_path(self, value: Path | None) -> None:
        if value is None:
            self._store.remove(_CLINIC_LOGO)
        else:
            self._store.setValue(_CLINIC_LOGO, str(value))

    @property
    def clinician_name(self) -> str:
        return self._text(_CLINICIAN_NAME)

    @clinician_name.setter
    def clinician_name(self, value: str) -> None:
        self._store.setValue(_CLINICIAN_NAME, value)

    @property
    def registration_number(self) -> str:
        """The clinician's professional registration number, printed with their name."""
        return self._text(_REGISTRATION_NUMBER)

    @registration_number.setter
    def registration_number(self, value: str) -> None:
        self._store.setValue(_REGISTRATION_NUMBER, value)

    # -- first start ---------------------------------------------------------------------------

    @property
    def welcome_done(self) -> bool:
        """Set once the welcome dialog was completed: later starts do not ask again."""
        return self._flag(_WELCOME_DONE)

    @welcome_done.setter
    def welcome_done(self, value: bool) -> None:
        self._store.setValue(_WELCOME_DONE, bool(value))

    # -- crash recovery (ids only: which assessments were open, and whether the app is running) --

    @property
    def running(self) -> bool:
        """Set while the app runs, cleared when it closes: still set at start = it stopped
        unexpectedly."""
        return self._flag(_RUNNING)

    @running.setter
    def running(self, value: bool) -> None:
        self._store.setValue(_RUNNING, bool(value))

    @property
    def open_assessment_ids(self) -> list[int]:
        text = self._text(_OPEN_ASSESSMENTS)
        ids: list[int] = []
        for part in text.split(","):
            try:
                ids.append(int(part))
            except ValueError:
                continue  # a hand-edited or corrupt file must not stop the app
        return ids

    @open_assessment_ids.setter
    def open_assessment_ids(self, value: list[int]) -> None:
        # One comma-separated string: QSettings reads a one-item INI list back as a plain string.
        self._store.setValue(_OPEN_ASSESSMENTS, ",".join(str(int(item)) for item in value))

    # -- conversions -------------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        raw = self._store.value(key)
        if isinstance(raw, QByteArray) and not raw.isEmpty():
            return raw
        return None

    def _flag(self, key: str) -> bool:
        raw = self._store.value(key, False)
        return raw is True or (isinstance(raw, str) and raw.lower() == "true")

    def _text(self, key: str) -> str:
        raw = self._store.value(key)
        return raw if isinstance(raw, str) else ""
