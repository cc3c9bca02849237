"""The interface every finding's input widget offers the editor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.fields import FieldSpec

ERROR_DISPLAY_DELAY_MS = 400  # lets a number be typed digit by digit without flashing errors


@dataclass(frozen=True)
class UnparsedText:
    """Text the widget could not read as its kind of value (the editor phrases the refusal)."""

    text: str

    def __str__(self) -> str:
        return self.text


def readable_when_disabled(palette: QPalette) -> QPalette:
    """``palette`` with the disabled text colours of the active ones."""
    readable = QPalette(palette)
    group = QPalette.ColorGroup
    for role in (
        QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText
    ):
        readable.setColor(group.Disabled, role, palette.color(group.Active, role))
    return readable


def accessible_title(spec: FieldSpec) -> str:
    side = f" ({spec.side})" if spec.side else ""
    return f"{spec.title}{side}"


class FieldWidget(QWidget):
    """Shows one finding, reports what the user enters and shows a refusal below the input.

    A *typing session* starts when the input gains focus or is set from outside (load,
    undo, redo). Edits within one session merge into one undo step when the kind of
    widget ``merges_keystrokes``; a refused value in a widget that ``reverts_on_error``
    puts the finding back to what it was when the session began.
    """

    edited = Signal(object)
    undoRequested = Signal()
    redoRequested = Signal()

    merges_keystrokes: ClassVar[bool] = False
    reverts_on_error: ClassVar[bool] = False

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._updating = False
        self._session = 0
        self._applied: Any = None
        self._session_original: Any = None
        self._error_label = QLabel(self)
        self._error_label.setObjectName("fieldError")
        self._error_label.setWordWrap(True)
        self._error_label.setStyleSheet("color: #b00020;")
        self._error_label.setAccessibleName(f"Error: {accessible_title(spec)}")
        self._error_label.hide()
        self._error_timer = QTimer(self)
        self._error_timer.setSingleShot(True)
        self._error_timer.setInterval(ERROR_DISPLAY_DELAY_MS)
        self._error_timer.timeout.connect(self._error_label.show)

    # -- what subclasses provide -------------------------------------------------------
    def _display(self, value: Any) -> None:
        raise NotImplementedError

    def _wrap(self, inner: QWidget, *, align_left: bool = False) -> None:
        """Lay out ``inner`` (the input) with the error line under it."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if align_left:
            layout.addWidget(inner, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            layout.addWidget(inner)
        layout.addWidget(self._error_label)

    def _watch_focus(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    # -- what the editor uses ----------------------------------------------------------
    def set_value(self, value: Any) -> None:
        """Show ``value`` as the stored finding (load, undo, redo); starts a new session."""
        self._updating = True
        try:
            self._display(value)
        finally:
            self._updating = False
        self._applied = value
        self.clear_error()
        self._begin_session()

    def note_applied(self, value: Any) -> None:
        """The editor stored ``value`` from this widget's own edit (display already shows it)."""
        self._applied = value

    @property
    def session_original(self) -> Any:
        return self._session_original

    @property
    def merge_key(self) -> tuple[int, int] | None:
        return (id(self), self._session) if self.merges_keystrokes else None

    def typed_text(self) -> str | None:
        """The raw text behind the last edit, for widgets where people type."""
        return None

    def focus_input(self) -> None:
        target = self.focusProxy() or self
        target.setFocus()

    def show_error(self, text: str, *, immediately: bool = False) -> None:
        self._error_label.setText(text)
        if immediately:
            self._error_timer.stop()
            self._error_label.show()
        elif self._error_label.isHidden():
            self._error_timer.start()

    def clear_error(self) -> None:
        self._error_timer.stop()
        self._error_label.clear()
        self._error_label.hide()

    def set_read_only(self, read_only: bool) -> None:
        """Show the finding without accepting changes (a signed note).

        Typed text stays selectable and copyable; buttons and lists are disabled but keep
        their normal text colour, so a signed note reads as well as a draft.
        """
        for edit in self.findChildren(QLineEdit):
            edit.setReadOnly(read_only)
        for notes in self.findChildren(QPlainTextEdit):
            notes.setReadOnly(read_only)
        for control in [*self.findChildren(QAbstractButton), *self.findChildren(QComboBox)]:
            control.setEnabled(not read_only)
        if read_only:
            self.setPalette(readable_when_disabled(self.palette()))

    def error_text(self) -> str:
        """The refusal currently shown (empty when none is shown)."""
        return "" if self._error_label.isHidden() else self._error_label.text()

    def pending_error(self) -> bool:
        return bool(self._error_label.text())

    # -- helpers -----------------------------------------------------------------------
    def _emit(self, value: Any) -> None:
        if not self._updating:
            self.edited.emit(value)

    def _begin_session(self) -> None:
        self._session += 1
        self._session_original = self._applied

    def _reveal_error(self) -> None:
        if self._error_label.text():
            self.show_error(self._error_label.text(), immediately=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Z in a text box must undo the document, not only the box's own text.
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            for keys, signal in (
                (QKeySequence.StandardKey.Undo, self.undoRequested),
                (QKeySequence.StandardKey.Redo, self.redoRequested),
            ):
                if event.matches(keys):
                    event.accept()
                    if event.type() == QEvent.Type.KeyPress:
                        signal.emit()
                    return True
        if event.type() == QEvent.Type.FocusIn:
            self._begin_session()
        elif event.type() == QEvent.Type.FocusOut:
            self._reveal_error()
        return super().eventFilter(watched, event)
