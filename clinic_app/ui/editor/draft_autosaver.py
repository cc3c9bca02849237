"""Writes the draft shortly after each change, keeping the stored version it was based on."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from clinic_app.domain.assessment import Assessment
from clinic_app.services.assessments import AssessmentService
from clinic_app.services.ports import StaleWriteError

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 250  # typing is saved at most this long after the first unsaved keystroke

STALE_MESSAGE = (
    "Not saved: this assessment was changed in another window or on another workstation "
    "after you opened it. Your entries are kept in this window; do not close it yet."
)
FAILED_MESSAGE = "Not saved: the database refused the write ({reason}). Your entries are kept."


class DraftAutosaver(QObject):
    saved = Signal(str)  # hh:mm:ss
    failed = Signal(str)

    def __init__(
        self,
        service: AssessmentService,
        assessment_id: int,
        version: int,
        parent: QObject | None = None,
        *,
        delay_ms: int = SAVE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._assessment_id = assessment_id
        self._version = version
        self._pending: Assessment | None = None
        # Not restarted by later keystrokes: continuous typing still saves every delay_ms.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def version(self) -> int:
        return self._version

    @property
    def has_unsaved(self) -> bool:
        return self._pending is not None

    def schedule(self, document: Assessment) -> None:
        self._pending = document
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> bool:
        """Write the pending draft now; True when nothing is left unsaved."""
        self._timer.stop()
        document = self._pending
        if document is None:
            return True
        try:
            record = self._service.save_draft(self._assessment_id, document, self._version)
        except StaleWriteError:
            self.failed.emit(STALE_MESSAGE)
            return False
        except Exception as error:  # a failed write must never lose what was typed
            log.exception("autosave of assessment %s failed", self._assessment_id)
            self.failed.emit(FAILED_MESSAGE.format(reason=type(error).__name__))
            return False
        self._version = record.version
        if self._pending is document:
            self._pending = None
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))
        return True
