"""The student's answer: impressions, urgency, imaging, loading and a short plan."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from clinic_app.domain.decision import Urgency
from clinic_app.domain.practice.answer import StudentAnswer
from clinic_app.domain.practice.conditions import known_conditions
from clinic_app.domain.practice.imaging import ImagingChoice

CHOOSE = "(choose)"
NONE = "(none)"


class AnswerForm(QWidget):
    commitRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.impressions: list[QComboBox] = []
        for index, label in enumerate(("Leading impression", "Second impression",
                                       "Third impression")):
            combo = QComboBox(self)
            combo.setObjectName(f"impression{index}")
            combo.addItem(CHOOSE if index == 0 else NONE, None)
            for condition in known_conditions():
                combo.addItem(condition, condition)
            form.addRow(label, combo)
            self.impressions.append(combo)
        self.urgency = self._combo("urgency", [(u.label, u.value) for u in Urgency])
        form.addRow("Urgency", self.urgency)
        self.imaging = self._combo("imaging", [(c.label, c.value) for c in ImagingChoice])
        form.addRow("Imaging", self.imaging)
        self.loading_yes = QRadioButton("May start", self)
        self.loading_no = QRadioButton("Withheld until reviewed", self)
        self.loading_yes.setObjectName("loadingYes")
        self.loading_no.setObjectName("loadingNo")
        group = QButtonGroup(self)
        group.addButton(self.loading_yes)
        group.addButton(self.loading_no)
        row = QHBoxLayout()
        row.addWidget(self.loading_yes)
        row.addWidget(self.loading_no)
        form.addRow("Loading programme", row)
        self.plan = QPlainTextEdit(self)
        self.plan.setObjectName("plan")
        self.plan.setPlaceholderText("A short plan: what you would do next and why")
        form.addRow("Plan", self.plan)
        self.error = QLabel(self)
        self.error.setObjectName("answerError")
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        self.commit = QPushButton("Commit answer and see feedback", self)
        self.commit.setObjectName("commitAnswer")
        self.commit.clicked.connect(self.commitRequested)
        form.addRow(self.commit)

    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(CHOOSE, None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def answer(self) -> StudentAnswer | str:
        """The answer, or one line saying what is still missing."""
        chosen = [c.currentData() for c in self.impressions if c.currentData() is not None]
        if self.impressions[0].currentData() is None:
            return "Leading impression: choose one before committing"
        if self.urgency.currentData() is None:
            return "Urgency: choose routine, soon, urgent or emergency"
        if self.imaging.currentData() is None:
            return "Imaging: choose a study or no imaging"
        if not (self.loading_yes.isChecked() or self.loading_no.isChecked()):
            return "Loading programme: say whether it may start"
        return StudentAnswer(
            impressions=list(dict.fromkeys(chosen)),
            urgency=Urgency(self.urgency.currentData()),
            imaging=ImagingChoice(self.imaging.currentData()),
            loading_allowed=self.loading_yes.isChecked(),
            plan=self.plan.toPlainText().strip()[:2000],
        )

    def set_locked(self) -> None:
        for widget in (*self.impressions, self.urgency, self.imaging, self.loading_yes,
                       self.loading_no, self.commit):
            widget.setEnabled(False)
        self.plan.setReadOnly(True)
