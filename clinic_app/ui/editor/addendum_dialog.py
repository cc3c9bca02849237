"""Write an addendum to a signed note: a multi-line text, checked before it is added."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.records.signature import (
    MAX_ADDENDUM_LENGTH,
    AddendumError,
    check_addendum_text,
)
from clinic_app.ui.editor.record_notice import sentence

INTRO = (
    "The signed note stays exactly as it was signed. The addendum is added below it with "
    "your name and the time; once added it cannot be changed or removed."
)
ERROR_STYLE = "color: #b00020;"


class AddendumDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, text: str = "", error: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("addendumDialog")
        self.setWindowTitle("Add addendum")
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        label = QLabel("Addendum &text:", self)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("addendumTextEdit")
        self.text_edit.setAccessibleName("Addendum text")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText("The correction or later remark")
        self.text_edit.setPlainText(text)
        label.setBuddy(self.text_edit)
        self.counter = QLabel(self)
        self.counter.setObjectName("addendumCounter")
        self.error = QLabel(error, self)
        self.error.setObjectName("addendumError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(bool(error))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Add addendum")
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._count)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        self._count()
        self.text_edit.setFocus()

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText()

    def _count(self) -> None:
        length = len(self.text.strip())
        self.counter.setText(f"{length} of at most {MAX_ADDENDUM_LENGTH} characters")
        self.counter.setStyleSheet(ERROR_STYLE if length > MAX_ADDENDUM_LENGTH else "")

    def _accept_if_valid(self) -> None:
        try:
            check_addendum_text(self.text)
        except AddendumError as error:
            self.error.setText(sentence(str(error), capital=True))
            self.error.show()
            self.text_edit.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, text: str = "", error: str = "") -> str | None:
        """The addendum's text, None when cancelled; ``text`` and ``error`` show a refused
        earlier attempt again."""
        dialog = cls(parent, text, error)
        try:
            return dialog.text if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
