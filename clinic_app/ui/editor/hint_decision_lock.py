"""A signed note's hint decisions are part of the record: their buttons are disabled.

The hints panel builds a card per hint and may build new ones on each evaluation, so the
editor applies this after every evaluation while the note is read-only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

DECISION_BUTTONS = ("accept", "dismiss", "confirmDismiss")
REASON_EDIT = "dismissReason"


def set_hint_decisions_enabled(panel: QWidget, enabled: bool) -> None:
    for button in panel.findChildren(QPushButton):
        if button.objectName() in DECISION_BUTTONS:
            confirm = button.objectName() == "confirmDismiss"
            reason = button.parent().findChild(QLineEdit, REASON_EDIT) if confirm else None
            has_reason = reason is not None and bool(reason.text().strip())
            button.setEnabled(enabled and (has_reason if confirm else True))
    for reason_edit in panel.findChildren(QLineEdit, REASON_EDIT):
        reason_edit.setReadOnly(not enabled)
