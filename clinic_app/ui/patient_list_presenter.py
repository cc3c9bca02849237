"""Search as you type and patient registration: the patient list's presenter.

The view forwards every keystroke; the presenter waits until typing pauses
(``SEARCH_DELAY_MS``) so a fast typist causes one query, not one per letter.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from clinic_app.ui.patient_table_model import PatientTableModel

if TYPE_CHECKING:
    from clinic_app.domain.patient import Patient
    from clinic_app.services.ports import PatientRecord
    from clinic_app.ui.services_port import UiServices

SEARCH_DELAY_MS = 150

log = logging.getLogger(__name__)


class PatientListPresenter(QObject):
    searchFinished = Signal(int)  # number of patients shown
    failed = Signal(str)  # a message for the user; never contains patient data

    def __init__(
        self,
        model: PatientTableModel,
        delay_ms: int = SEARCH_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        """Searches start once ``attach`` has given the services."""
        super().__init__(parent)
        self._services: UiServices | None = None
        self._model = model
        self._text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.search_now)

    def attach(self, services: UiServices) -> None:
        self._services = services

    @property
    def model(self) -> PatientTableModel:
        return self._model

    @property
    def search_text(self) -> str:
        return self._text

    @property
    def search_pending(self) -> bool:
        return self._timer.isActive()

    def search_text_changed(self, text: str) -> None:
        self._text = text
        self._timer.start()  # restarting postpones the query while the user is still typing

    def search_now(self) -> None:
        self._timer.stop()
        if self._services is None:
            return
        try:
            records = self._attached().patients.search(self._text)
        except Exception as error:  # a lost database connection must not kill the event loop
            self._report("Searching patients failed", error)
            return
        self._model.set_records(records)
        self.searchFinished.emit(len(records))

    def register(self, patient: Patient) -> PatientRecord | None:
        """Save a new patient and show them in the list (even if the search would hide them)."""
        try:
            patient_id = self._attached().patients.register(patient)
            record = self._attached().patients.get(patient_id)
        except Exception as error:
            self._report("Registering the patient failed", error)
            return None
        self._show_including(record)
        return record

    def update(self, patient_id: int, patient: Patient) -> PatientRecord | None:
        try:
            self._attached().patients.update(patient_id, patient)
            record = self._attached().patients.get(patient_id)
        except Exception as error:
            self._report("Saving the patient's details failed", error)
            return None
        self._model.replace_record(record)
        return record

    def reveal(self, patient_id: int) -> bool:
        """Make sure the patient is in the list (added on top if the search left them out)."""
        from clinic_app.services.ports import NotFoundError

        if self._model.row_of(patient_id) is not None:
            return True
        try:
            record = self._attached().patients.get(patient_id)
        except NotFoundError:
            return False
        except Exception as error:
            self._report("Loading the patient failed", error)
            return False
        self._model.set_records([record, *self._records()])
        return True

    def _show_including(self, record: PatientRecord) -> None:
        self.search_now()
        if self._model.row_of(record.id) is None:
            self._model.set_records([record, *self._records()])

    def _records(self) -> list[PatientRecord]:
        return [self._model.record_at(row) for row in range(self._model.rowCount())]

    def _attached(self) -> UiServices:
        if self._services is None:
            raise RuntimeError("the patient list has no services yet")
        return self._services

    def _report(self, what: str, error: Exception) -> None:
        # Only the type: database errors can quote the patient data they were given.
        log.error("%s: %s", what, type(error).__name__)
        self.failed.emit(f"{what} ({type(error).__name__}). Please try again.")
