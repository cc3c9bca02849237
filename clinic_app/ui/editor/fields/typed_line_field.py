"""A line edit whose text is read as a value on every keystroke (numbers, dates).

The finding is only changed by text that reads as a valid value; anything else is shown
as a refusal under the input and the finding keeps the value it had before the typing.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from clinic_app.domain.fields import FieldSpec
from clinic_app.ui.editor.fields.base import FieldWidget, accessible_title

INPUT_WIDTH = 110
# After a pause this long the value on display counts as settled: a refused value typed
# next falls back to it, not to the value the field had when it was entered.
SETTLED_AFTER_SECONDS = 1.5


class TypedLineField(FieldWidget):
    merges_keystrokes = True
    reverts_on_error = True
    placeholder = "not assessed"

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.line_edit = QLineEdit(row)
        self.line_edit.setPlaceholderText(self.placeholder)
        self.line_edit.setAccessibleName(accessible_title(spec))
        self.line_edit.setFixedWidth(INPUT_WIDTH)
        self.line_edit.textEdited.connect(self._on_text)
        self.line_edit.editingFinished.connect(self._on_editing_finished)
        self._last_keystroke = 0.0
        layout.addWidget(self.line_edit)
        self.unit_label: QLabel | None = None
        if spec.unit:
            self.unit_label = QLabel(spec.unit, row)
            layout.addWidget(self.unit_label)
        layout.addStretch(1)
        self.setFocusProxy(self.line_edit)
        self._watch_focus(self.line_edit)
        self._wrap(row)

    def parse(self, text: str) -> Any:
        """The value ``text`` stands for, ``None`` when blank, or ``UnparsedText``."""
        raise NotImplementedError

    def format(self, value: Any) -> str:
        raise NotImplementedError

    def typed_text(self) -> str | None:
        return self.line_edit.text().strip()

    def _on_text(self, text: str) -> None:
        now = time.monotonic()
        if now - self._last_keystroke > SETTLED_AFTER_SECONDS and not self.pending_error():
            self._begin_session()
        self._last_keystroke = now
        self._emit(self.parse(text))

    def _on_editing_finished(self) -> None:
        if self.pending_error():
            self._reveal_error()
        else:
            self._begin_session()

    def _display(self, value: Any) -> None:
        if value is not None and self.parse(self.line_edit.text()) == value:
            return  # keep what the user typed ("170.0" stays "170.0")
        self.line_edit.setText("" if value is None else self.format(value))
