"""Start a practice attempt: the case, the student's name and the mode (OSCE timed)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from clinic_app.domain.practice.attempt import DEFAULT_OSCE_MINUTES
from clinic_app.domain.practice.case import PracticeCase


@dataclass(frozen=True)
class PracticeStart:
    case: PracticeCase
    student: str
    osce_minutes: int | None


class PracticeStartDialog(QDialog):
    def __init__(self, cases: list[PracticeCase], student: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Practice case")
        self.cases = cases
        form = QFormLayout(self)
        self.case_box = QComboBox(self)
        self.case_box.setObjectName("practiceCase")
        for case in cases:
            self.case_box.addItem(f"{case.title} ({case.age} y)", case.id)
        form.addRow("Case", self.case_box)
        self.student = QLineEdit(student, self)
        self.student.setObjectName("practiceStudent")
        self.student.setMaxLength(200)
        form.addRow("Student", self.student)
        self.osce = QCheckBox("OSCE: timed attempt", self)
        self.osce.setObjectName("practiceOsce")
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("practiceMinutes")
        self.minutes.setRange(1, 180)
        self.minutes.setValue(DEFAULT_OSCE_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setEnabled(False)
        self.osce.toggled.connect(self.minutes.setEnabled)
        form.addRow(self.osce, self.minutes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept_if_named)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept_if_named(self) -> None:
        if not self.student.text().strip():
            self.student.setPlaceholderText("Student: enter a name")
            self.student.setFocus()
            return
        self.accept()

    def choice(self) -> PracticeStart:
        case = self.cases[self.case_box.currentIndex()]
        minutes = self.minutes.value() if self.osce.isChecked() else None
        return PracticeStart(case, self.student.text().strip(), minutes)

    @classmethod
    def ask(cls, cases: list[PracticeCase], student: str, parent: QWidget | None
            ) -> PracticeStart | None:
        dialog = cls(cases, student, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
