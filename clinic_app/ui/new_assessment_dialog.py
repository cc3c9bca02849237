"""Asks the date and clinician for a new assessment (clinician remembered from last time)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

CLINICIAN_MAX_LENGTH = 200  # Assessment.clinician


@dataclass(frozen=True)
class NewAssessmentChoice:
    assessment_date: date
    clinician: str


class NewAssessmentDialog(QDialog):
    def __init__(
        self, parent: QWidget | None = None, clinician: str = "", today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newAssessmentDialog")
        self.setWindowTitle("New assessment")
        today = today or date.today()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setObjectName("assessmentDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.clinician_edit = QLineEdit(clinician, self)
        self.clinician_edit.setObjectName("clinicianEdit")
        self.clinician_edit.setMaxLength(CLINICIAN_MAX_LENGTH)
        self.clinician_edit.setPlaceholderText("Your name as it should appear on the note")
        form = QFormLayout()
        form.addRow("&Date", self.date_edit)
        form.addRow("&Clinician", self.clinician_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.clinician_edit.setFocus()

    @property
    def choice(self) -> NewAssessmentChoice:
        return NewAssessmentChoice(
            self.date_edit.date().toPython(), self.clinician_edit.text().strip()
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, clinician: str = ""
    ) -> NewAssessmentChoice | None:
        dialog = cls(parent, clinician)
        try:
            return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
