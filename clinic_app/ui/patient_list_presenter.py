"""Search as you type and patient registration: the patient list's presenter.

The view forwards every keystroke; the presenter waits until typing pauses
(``SEARCH_DELAY_MS``) so a fast typist causes one query, not one per letter.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from clinic_app.ui.failure_message import failure_message
from clinic_app.ui.patient_table_model import PatientTableModel
from clinic_app.ui.session import Session

if TYPE_CHECKING:
    from clinic_app.domain.patient import Patient
    from clinic_app.services.ports import PatientRecord
    from clinic_app.ui.services_port import UiServices

SEARCH_DELAY_MS = 150
PAGE_SIZE = 100  # patients read per query; the list fetches the next page as it scrolls

log = logging.getLogger(__name__)


class PatientListPresenter(QObject):
    searchFinished = Signal(int)  # number of patients listed (more may follow: model.has_more)
    failed = Signal(str)  # a message for the user; never contains patient data

    def __init__(
        self,
        model: PatientTableModel,
        session: Session,
        delay_ms: int = SEARCH_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        """Searches start once ``attach`` has given the services; ``session`` names the actor."""
        super().__init__(parent)
        self._services: UiServices | None = None
        self._session = session
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
        records = self._search(PAGE_SIZE)
        if records is not None:
            self._show(records, PAGE_SIZE)

    def refresh(self, keep_patient_id: int | None = None) -> bool:
        """Search again with the same text (another workstation changed data), keeping
        ``keep_patient_id`` (the selected patient) listed even if the search leaves them out.

        The model is reset, and ``searchFinished`` emitted, only when the list changed: True.
        """
        if self.search_pending:
            return False  # the search about to run will show the new data
        limit = max(PAGE_SIZE, self._model.rowCount())  # as far as the user has scrolled
        records = self._search(limit)
        if records is None:
            return False
        if keep_patient_id is not None and all(r.id != keep_patient_id for r in records):
            kept = self._fetch(keep_patient_id)
            records = records if kept is None else [kept, *records]
        if records == self._records():
            return False
        self._show(records, limit)
        return True

    def _show(self, records: list[PatientRecord], limit: int) -> None:
        self._model.set_records(records, self._next_page if len(records) >= limit else None)
        self.searchFinished.emit(len(records))

    def _search(self, limit: int, after: int | None = None) -> list[PatientRecord] | None:
        if self._services is None:
            return None
        try:
            return self._attached().patients.search(self._text, limit, after)
        except Exception as error:  # a lost database connection must not kill the event loop
            self._report("Searching patients failed", error)
            return None

    def _next_page(self, after: int) -> list[PatientRecord]:
        return self._search(PAGE_SIZE, after) or []

    def register(self, patient: Patient) -> PatientRecord | None:
        """Save a new patient and show them in the list (even if the search would hide them)."""
        try:
            patient_id = self._attached().patients.register(patient, actor=self._session.actor)
            record = self._attached().patients.get(patient_id)
        except Exception as error:
            self._report("Registering the patient failed", error)
            return None
        self._show_including(record)
        return record

    def update(self, patient_id: int, patient: Patient) -> PatientRecord | None:
        try:
            self._attached().patients.update(patient_id, patient, actor=self._session.actor)
            record = self._attached().patients.get(patient_id)
        except Exception as error:
            self._report("Saving the patient's details failed", error)
            return None
        self._model.replace_record(record)
        return record

    def reveal(self, patient_id: int) -> bool:
        """Make sure the patient is in the list (added on top if the search left them out)."""
        if self._model.row_of(patient_id) is not None:
            return True
        record = self._fetch(patient_id)
        if record is None:
            return False
        self._model.set_records([record, *self._records()], self._model.next_page)
        return True

    def _fetch(self, patient_id: int) -> PatientRecord | None:
        """The patient as stored now; None if they no longer exist (or loading failed)."""
        from clinic_app.services.ports import NotFoundError

        try:
            return self._attached().patients.get(patient_id)
        except NotFoundError:
            return None
        except Exception as error:
            self._report("Loading the patient failed", error)
            return None

    def _show_including(self, record: PatientRecord) -> None:
        self.search_now()
        if self._model.row_of(record.id) is None:
            self._model.set_records([record, *self._records()], self._model.next_page)

    def _records(self) -> list[PatientRecord]:
        return [self._model.record_at(row) for row in range(self._model.rowCount())]

    def _attached(self) -> UiServices:
        if self._services is None:
            raise RuntimeError("the patient list has no services yet")
        return self._services

    def _report(self, what: str, error: Exception) -> None:
        # Only the type: database errors can quote the patient data they were given.
        log.error("%s: %s", what, type(error).__name__)
        self.failed.emit(failure_message(what, error))
