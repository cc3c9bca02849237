"""Notices when another workstation changed data, so the lists can refresh.

Every ``POLL_INTERVAL_MS`` it reads the database's change token (one indexed query,
see ``ChangeService.token``) and emits ``changed`` when the token differs from the
last one read. A failed read is logged by error type only (database errors can quote
patient data) and reported once per outage, not every two seconds; the first good
read after an outage counts as a change, since changes may have been missed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

POLL_INTERVAL_MS = 2000
OUTAGE_MESSAGE = (
    "Cannot check for changes from other workstations ({error}): the lists may be out of date"
)

log = logging.getLogger(__name__)


class ChangeWatcher(QObject):
    changed = Signal()
    failed = Signal(str)  # once per outage; never contains patient data

    def __init__(
        self, interval_ms: int = POLL_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._read_token: Callable[[], str] | None = None
        self._last: str | None = None
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def watch(self, read_token: Callable[[], str]) -> None:
        """Start polling ``read_token``; what it returns now is the baseline."""
        self._read_token = read_token
        self._last = None
        self._failing = False
        self.check()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> bool:
        """Read the token now; True (and ``changed`` emitted) when the data changed."""
        if self._read_token is None:
            return False
        try:
            token = self._read_token()
        except Exception as error:  # a lost connection must not kill the event loop
            if not self._failing:
                self._failing = True
                log.error("checking for changes failed: %s", type(error).__name__)
                self.failed.emit(OUTAGE_MESSAGE.format(error=type(error).__name__))
            return False
        recovered, self._failing = self._failing, False
        previous, self._last = self._last, token
        if recovered:
            log.info("checking for changes works again")
        elif previous is None or token == previous:
            return False
        self.changed.emit()
        return True
