"""The clinic and clinician details printed on the documents, as one form.

The welcome dialog embeds it, on the first start and when reopened from
File > Welcome and clinic details. Every field is optional.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
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

from clinic_app.domain.letterhead import Letterhead
from clinic_app.ui.settings import AppSettings

NAME_LIMIT = 200
ADDRESS_LIMIT = 1000
REGISTRATION_LIMIT = 60
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


def saved_details(settings: AppSettings) -> Letterhead:
    """The details as the user saved them (no product defaults filled in: the form shows
    an empty field as empty)."""
    return Letterhead(
        clinic_name=settings.clinic_name,
        address=settings.clinic_address,
        logo_path=settings.clinic_logo_path,
        clinician_name=settings.clinician_name,
        registration_number=settings.registration_number,
    )


def store_details(settings: AppSettings, details: Letterhead) -> None:
    settings.clinic_name = details.clinic_name
    settings.clinic_address = details.address
    settings.clinic_logo_path = details.logo_path
    settings.clinician_name = details.clinician_name
    settings.registration_number = details.registration_number


class ClinicDetailsForm(QWidget):
    def __init__(self, current: Letterhead, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicDetailsForm")
        self.name = _line_edit(self, "clinicNameEdit", current.clinic_name, NAME_LIMIT)
        self.name.setPlaceholderText("printed at the top of every document")
        self.address = QPlainTextEdit(current.address, self)
        self.address.setObjectName("clinicAddressEdit")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(72)
        self.logo = _line_edit(self, "clinicLogoEdit", str(current.logo_path or ""), 0)
        self.logo.setPlaceholderText("optional PNG or JPEG")
        browse = QPushButton("&Browse\u2026", self)
        browse.setObjectName("clinicLogoBrowseButton")
        browse.clicked.connect(self._browse)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.clinician = _line_edit(self, "clinicianNameEdit", current.clinician_name, NAME_LIMIT)
        self.registration = _line_edit(
            self, "registrationNumberEdit", current.registration_number, REGISTRATION_LIMIT
        )
        self.registration.setPlaceholderText("as issued by your professional body")
        self.error = QLabel(self)
        self.error.setObjectName("clinicDetailsError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Clinic &name:", self.name)
        form.addRow("&Address:", self.address)
        logo_label = QLabel("&Logo:", self)
        logo_label.setBuddy(self.logo)  # a row that is a layout gets no buddy by itself
        form.addRow(logo_label, logo_row)
        form.addRow("&Clinician's name:", self.clinician)
        form.addRow("&Registration number:", self.registration)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error)

    def letterhead(self) -> Letterhead:
        logo = self.logo.text().strip()
        return Letterhead(
            clinic_name=self.name.text().strip(),
            address=self.address.toPlainText().strip()[:ADDRESS_LIMIT],
            logo_path=Path(logo) if logo else None,
            clinician_name=self.clinician.text().strip(),
            registration_number=self.registration.text().strip(),
        )

    def check(self) -> bool:
        """True when the details can be saved; otherwise the problem is shown in the form."""
        problem = logo_problem(self.logo.text().strip())
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        return not problem

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Choose a logo", self.logo.text(), "Images (*.png *.jpg *.jpeg)"
        )
        if chosen:
            self.logo.setText(chosen)


def _line_edit(parent: QWidget, name: str, text: str, limit: int) -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setObjectName(name)
    if limit:
        edit.setMaxLength(limit)
    return edit
