"""A message about the record (refused signature, note locked meanwhile), behind a classmethod
so tests can read it instead of answering a modal box."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QMessageBox, QWidget


class RecordNotice:
    @classmethod
    def show(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)


def local_time_text(moment: datetime) -> str:
    """A stored UTC time as the workstation's local date and time, to the minute."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def sentence(message: str, *, capital: bool = False) -> str:
    """A service's message ended with a full stop; ``capital`` when it opens the sentence
    with a word (a field's name), not with a username, which keeps its case."""
    text = message.strip()
    if capital and text:
        text = text[0].upper() + text[1:]
    return text if not text or text.endswith((".", "!", "?")) else text + "."
