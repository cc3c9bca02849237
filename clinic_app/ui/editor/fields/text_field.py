"""Free text: one line, or a few lines for notes (Tab still moves to the next field)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from clinic_app.domain.fields import FieldSpec
from clinic_app.ui.editor.fields.base import FieldWidget, accessible_title

NOTES_HEIGHT = 72


class TextField(FieldWidget):
    """Each keystroke is an edit; keystrokes in one session merge into one undo step.

    A refused text (too long) leaves the finding at its last accepted text.
    """

    merges_keystrokes = True

    def __init__(
        self, spec: FieldSpec, parent: QWidget | None = None, *, empty_value: Any = None
    ) -> None:
        super().__init__(spec, parent)
        self._empty_value = empty_value
        self.line_edit: QLineEdit | None = None
        self.notes_edit: QPlainTextEdit | None = None
        editor: QWidget
        if spec.multiline:
            self.notes_edit = QPlainTextEdit(self)
            self.notes_edit.setTabChangesFocus(True)
            self.notes_edit.setFixedHeight(NOTES_HEIGHT)
            self.notes_edit.setPlaceholderText("not assessed")
            self.notes_edit.textChanged.connect(self._on_notes_changed)
            editor = self.notes_edit
        else:
            self.line_edit = QLineEdit(self)
            self.line_edit.setPlaceholderText("not assessed" if empty_value is None else "")
            self.line_edit.textEdited.connect(self._on_text)
            editor = self.line_edit
        editor.setAccessibleName(accessible_title(spec))
        self.setFocusProxy(editor)
        self._watch_focus(editor)
        self._wrap(editor)

    def text(self) -> str:
        if self.notes_edit is not None:
            return self.notes_edit.toPlainText()
        assert self.line_edit is not None
        return self.line_edit.text()

    def _on_notes_changed(self) -> None:
        self._on_text(self.text())

    def _on_text(self, text: str) -> None:
        self._emit(text if text.strip() else self._empty_value)

    def _display(self, value: Any) -> None:
        shown = "" if value is None else str(value)
        if self.text() == shown:
            return
        if self.notes_edit is not None:
            self.notes_edit.setPlainText(shown)
        else:
            assert self.line_edit is not None
            self.line_edit.setText(shown)
