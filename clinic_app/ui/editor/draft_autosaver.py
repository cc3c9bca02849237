"""Writes the draft shortly after each change, keeping the stored version it was based on.

A write refused because another window or workstation saved first is handed to the
``conflict_handler`` (the editor's conflict dialog), synchronously, so that ``flush``
returns only once the conflict is settled or postponed. A signed note is ``lock``ed: its
changes are never written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.records.roles import User
from clinic_app.services.assessments import AssessmentService
from clinic_app.services.ports import RecordLockedError, StaleWriteError

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 250  # typing is saved at most this long after the first unsaved keystroke

STALE_MESSAGE = (
    "Not saved: this assessment was changed in another window or on another workstation "
    "after you opened it. Your entries are kept in this window; do not close it yet."
)
FAILED_MESSAGE = "Not saved: the database refused the write ({reason}). Your entries are kept."

# Gets the unsaved document; True once the conflict is settled (``rebase`` was called).
ConflictHandler = Callable[[Assessment], bool]


def now_text() -> str:
    return datetime.now().strftime("%H:%M:%S")


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
        actor: User | None = None,
        conflict_handler: ConflictHandler | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._assessment_id = assessment_id
        self._version = version
        self._actor = actor
        self._pending: Assessment | None = None
        self._locked = False
        self._resolving = False
        self.conflict_handler = conflict_handler
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
        if self._locked:
            return
        self._pending = document
        if not self._timer.isActive():
            self._timer.start()

    def lock(self, version: int) -> None:
        """The stored note is no longer a draft: forget pending changes, never write again."""
        self._timer.stop()
        self._pending = None
        self._version = version
        self._locked = True

    def unlock(self, version: int) -> None:
        """The note is a draft again (returned for changes)."""
        self._version = version
        self._locked = False

    def rebase(self, version: int) -> None:
        """The stored version is now ``version`` and holds what this window shows."""
        self._timer.stop()
        self._version = version
        self._pending = None

    def flush(self) -> bool:
        """Write the pending draft now; True when nothing is left unsaved."""
        self._timer.stop()
        document = self._pending
        if document is None or self._locked or self._resolving:
            return document is None or self._locked
        try:
            record = self._service.save_draft(
                self._assessment_id, document, self._version, actor=self._actor
            )
        except (StaleWriteError, RecordLockedError):
            return self._settle_conflict(document)
        except Exception as error:  # a failed write must never lose what was typed
            log.exception("autosave of assessment %s failed", self._assessment_id)
            self.failed.emit(FAILED_MESSAGE.format(reason=type(error).__name__))
            return False
        self._version = record.version
        if self._pending is document:
            self._pending = None
        self.saved.emit(now_text())
        return True

    def _settle_conflict(self, document: Assessment) -> bool:
        settled = False
        if self.conflict_handler is not None:
            self._resolving = True  # a save attempt while the dialog is open must not re-ask
            try:
                settled = self.conflict_handler(document)
            except Exception:  # the entries stay in the window, unsaved, as for any refusal
                log.exception("settling the conflict on assessment %s failed", self._assessment_id)
            finally:
                self._resolving = False
        if not settled:
            self.failed.emit(STALE_MESSAGE)
            return False
        self.saved.emit(now_text())
        return self._pending is None
