"""Writes the draft shortly after each change, keeping the stored version it was based on.

A write refused because another window or workstation saved first is handed to the
``conflict_handler`` (the editor's conflict dialog), synchronously, so that ``flush``
returns only once the conflict is settled or postponed. A signed note is ``lock``ed: its
changes are never written.

A write that fails because the database cannot be reached (an outage, not a refusal) is
kept at once in ``UnsavedEdits`` on this computer, with the version and document it was
based on, and tried again with growing pauses until the database takes it; the entry is
then forgotten. While offline, typing only updates that entry.
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
from clinic_app.unsaved_edits import UnsavedEdit, UnsavedEdits, retry_delay_s

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 250  # typing is saved at most this long after the first unsaved keystroke

STALE_MESSAGE = (
    "Not saved: this assessment was changed in another window or on another workstation "
    "after you opened it. Your entries are kept in this window; do not close it yet."
)
FAILED_MESSAGE = "Not saved: the database refused the write ({reason}). Your entries are kept."
OFFLINE_MESSAGE = "Not saved yet: the database cannot be reached; retrying in {seconds} s."
# Exception names meaning "the database could not be reached" (SQLAlchemy's, psycopg's and
# sqlite3's OperationalError, DB-API InterfaceError); the UI may not import them.
UNREACHABLE_ERROR_NAMES = frozenset({"OperationalError", "InterfaceError"})

# Gets the unsaved document; True once the conflict is settled (``rebase`` was called).
ConflictHandler = Callable[[Assessment], bool]


def now_text() -> str:
    return datetime.now().strftime("%H:%M:%S")


def database_unreachable(error: BaseException) -> bool:
    """True when ``error`` (or what caused it) says the connection failed, not the write."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ConnectionError) or type(seen).__name__ in UNREACHABLE_ERROR_NAMES:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class DraftAutosaver(QObject):
    saved = Signal(str)  # hh:mm:ss
    failed = Signal(str)
    offline = Signal(int)  # seconds until the next try
    backOnline = Signal()  # the edits kept during an outage are saved

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
        unsaved_edits: UnsavedEdits | None = None,
        base: Assessment | None = None,
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
        self._unsaved_edits = unsaved_edits
        self._base = base  # the stored document of ``version``: the base of a later merge
        self._failed_attempts = 0  # tries since the database was last reached
        self._kept_on_disk = False
        # Not restarted by later keystrokes: continuous typing still saves every delay_ms.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save_soon)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.flush)

    @property
    def version(self) -> int:
        return self._version

    @property
    def is_offline(self) -> bool:
        """The last try could not reach the database (the edits are kept on this computer)."""
        return self._failed_attempts > 0

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

    def unlock(self, version: int, base: Assessment | None = None) -> None:
        """The note is a draft again (returned for changes); ``base``: its stored document."""
        self._version = version
        self._base = base or self._base
        self._locked = False

    def rebase(self, version: int, base: Assessment | None = None) -> None:
        """The stored version is now ``version`` and holds what this window shows
        (``base``; None: the base stays the last one known)."""
        self._timer.stop()
        self._version = version
        self._base = base or self._base
        self._pending = None

    def _save_soon(self) -> None:
        """The typing pause is over: save, or while offline just keep the entry on disk
        (the retry timer tries the database)."""
        if self._retry_timer.isActive() and self._pending is not None:
            self._keep_on_disk(self._pending)
        else:
            self.flush()

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
            if database_unreachable(error) and self._unsaved_edits is not None:
                return self._went_offline(document)
            log.exception("autosave of assessment %s failed", self._assessment_id)
            self.failed.emit(FAILED_MESSAGE.format(reason=type(error).__name__))
            return False
        self._version = record.version
        self._base = record.assessment
        if self._pending is document:
            self._pending = None
        self._back_online()
        self.saved.emit(now_text())
        return True

    def _went_offline(self, document: Assessment) -> bool:
        log.warning("database unreachable; assessment %s kept on disk", self._assessment_id)
        self._keep_on_disk(document)
        self._failed_attempts += 1
        delay = retry_delay_s(self._failed_attempts)
        self._retry_timer.start(delay * 1000)
        self.offline.emit(delay)
        self.failed.emit(OFFLINE_MESSAGE.format(seconds=delay))
        return False

    def _keep_on_disk(self, document: Assessment) -> None:
        if self._unsaved_edits is None or self._base is None:
            return
        edit = UnsavedEdit(self._assessment_id, self._version, self._base, document)
        try:
            self._unsaved_edits.keep(edit)
            self._kept_on_disk = True
        except OSError:  # the entries stay in the window; nothing more can be done here
            log.exception("keeping assessment %s on disk failed", self._assessment_id)

    def _back_online(self) -> None:
        """The database took the edits: forget the entry kept during an outage."""
        self._retry_timer.stop()
        if self._kept_on_disk and self._unsaved_edits is not None and self._pending is None:
            self._unsaved_edits.forget(self._assessment_id)
            self._kept_on_disk = False
        if self._failed_attempts:
            self._failed_attempts = 0
            self.backOnline.emit()

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
        self._back_online()
        self.saved.emit(now_text())
        return self._pending is None
