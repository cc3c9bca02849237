"""Edit the clinic's letterhead: name, address and an optional logo (PNG or JPEG)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.reports.letterhead import Letterhead

NAME_LIMIT = 200
ADDRESS_LIMIT = 1000
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def logo_problem(text: str) -> str:
    """Why a logo path cannot be used ("" when it can, or when none is given)."""
    if not text:
        return ""
    path = Path(text)
    if path.suffix.lower() not in LOGO_SUFFIXES:
        return f"Logo {text!r} is not allowed: expected a PNG or JPEG file"
    if not path.is_file():
        return f"Logo {text!r} was not found"
    return ""


class ClinicDetailsDialog(QDialog):
    def __init__(self, current: Letterhead, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicDetailsDialog")
        self.setWindowTitle("Clinic details")
        self.name = QLineEdit(current.clinic_name, self)
        self.name.setObjectName("clinicNameEdit")
        self.name.setMaxLength(NAME_LIMIT)
        self.address = QPlainTextEdit(current.address, self)
        self.address.setObjectName("clinicAddressEdit")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(90)
        self.logo = QLineEdit(str(current.logo_path or ""), self)
        self.logo.setObjectName("clinicLogoEdit")
        self.logo.setPlaceholderText("optional PNG or JPEG")
        browse = QPushButton("&Browse\u2026", self)
        browse.clicked.connect(self._browse)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.error = QLabel(self)
        self.error.setObjectName("clinicDetailsError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("Clinic &name:", self.name)
        form.addRow("&Address:", self.address)
        form.addRow("&Logo:", logo_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Printed at the top of every SOAP note and rehab plan.", self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def letterhead(self) -> Letterhead:
        logo = self.logo.text().strip()
        return Letterhead(
            clinic_name=self.name.text().strip(),
            address=self.address.toPlainText().strip()[:ADDRESS_LIMIT],
            logo_path=Path(logo) if logo else None,
        )

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Choose a logo", self.logo.text(), "Images (*.png *.jpg *.jpeg)"
        )
        if chosen:
            self.logo.setText(chosen)

    def _accept_if_valid(self) -> None:
        problem = logo_problem(self.logo.text().strip())
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, current: Letterhead) -> Letterhead | None:
        dialog = cls(current, parent)
        return dialog.letterhead() if dialog.exec() == QDialog.DialogCode.Accepted else None
