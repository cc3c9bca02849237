"""The strip that says the database cannot be reached and the edits are kept on this
computer, counting down to the next try; then, briefly, that they were saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

OFFLINE_TEXT = (
    "Offline: your changes are kept on this computer and saved when the database is back; "
    "retrying in {seconds} s"
)
BACK_TEXT = "Saved: the database is back"
BACK_SHOWN_MS = 8000
OFFLINE_STYLE = "background: #fdecea; color: #611a15; border: 1px solid #e0a09a; padding: 6px;"
BACK_STYLE = "background: #e6f4ea; color: #0d5223; border: 1px solid #7fbf95; padding: 6px;"


class OfflineBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._seconds_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)
        self.hide()

    def show_offline(self, seconds: int) -> None:
        self._hide_timer.stop()
        self._seconds_left = seconds
        self.setStyleSheet(OFFLINE_STYLE)
        self._show_countdown()
        self._countdown.start()
        self.show()

    def show_back(self) -> None:
        self._countdown.stop()
        self.setStyleSheet(BACK_STYLE)
        self.setText(BACK_TEXT)
        self.show()
        self._hide_timer.start(BACK_SHOWN_MS)

    def _tick(self) -> None:
        self._seconds_left = max(self._seconds_left - 1, 0)
        self._show_countdown()

    def _show_countdown(self) -> None:
        self.setText(OFFLINE_TEXT.format(seconds=self._seconds_left))
