"""The top of the editor: who the patient is, the assessment's date, clinician and side, and
the button that signs it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import Path, spec_index
from clinic_app.domain.patient import Patient
from clinic_app.ui.editor.fields.base import FieldWidget
from clinic_app.ui.editor.fields.combo_fields import ChoiceComboField
from clinic_app.ui.editor.fields.date_field import DateField
from clinic_app.ui.editor.fields.text_field import TextField

DATE_PATH: Path = ("assessment_date",)
CLINICIAN_PATH: Path = ("clinician",)
SIDE_PATH: Path = ("affected_side",)
HEADER_PATHS = (DATE_PATH, CLINICIAN_PATH, SIDE_PATH)


class EditorHeader(QWidget):
    signRequested = Signal()

    def __init__(self, patient: Patient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._patient = patient
        specs = spec_index(Assessment)
        self.patient_label = QLabel(self)
        self.patient_label.setObjectName("patientLabel")
        self.patient_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.patient_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.patient_label.setFont(font)
        self.fields: dict[Path, FieldWidget] = {
            DATE_PATH: DateField(specs[DATE_PATH], self),
            CLINICIAN_PATH: TextField(specs[CLINICIAN_PATH], self, empty_value=""),
            SIDE_PATH: ChoiceComboField(specs[SIDE_PATH], self),
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.patient_label, 2)
        for path in HEADER_PATHS:
            form = QFormLayout()
            label = QLabel(specs[path].title + ":", self)
            label.setBuddy(self.fields[path])
            form.addRow(label, self.fields[path])
            layout.addLayout(form, 1)
        self.sign_button = QPushButton("Sign\u2026", self)
        self.sign_button.setObjectName("headerSignButton")
        self.sign_button.setToolTip(
            "Sign this assessment, or submit it for co-signature (Ctrl+Alt+S)"
        )
        self.sign_button.clicked.connect(self.signRequested)
        layout.addWidget(self.sign_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_sign_available(self, available: bool) -> None:
        """The button is offered until the note is signed."""
        self.sign_button.setVisible(available)

    def show_patient(self, on: date) -> None:
        patient = self._patient
        text = (
            f"{patient.display_name}   born {patient.date_of_birth.isoformat()}"
            f"   age {patient.age_on(on)}"
        )
        if self.patient_label.text() != text:
            self.patient_label.setText(text)
