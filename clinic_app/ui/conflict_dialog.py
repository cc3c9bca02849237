"""Two versions of one assessment: the findings they record differently, side by side, and
which version continues. The other version is never deleted: it is kept in the history.

The dialog only asks; the editor's ``ConflictPresenter`` acts through the conflict service.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.document_differences import FindingDifference

HEADLINE = "This assessment was also saved on another workstation while you were editing it."
EXPLANATION = (
    "Choose which version continues. Nothing is deleted: the version not chosen is kept in "
    "the assessment's history."
)
SIGNED_MEANWHILE = (
    "The other workstation signed the note meanwhile, so your version can no longer replace "
    "it. Take theirs (your version is kept in the history); you can then add your changes "
    "to the signed note as an addendum."
)
SUBMITTED_MEANWHILE = (
    "The note was submitted for co-signature meanwhile, so your version can no longer "
    "replace it. Take theirs: your version is kept in the history."
)
NO_DIFFERENCES = "The two versions record the same findings."
MINE_HEADING = "Your version (this window)"
NOTICE_STYLE = "color: #b00020;"
MINIMUM_SIZE = (760, 340)
WIDTH, ROW_HEIGHT, MAX_HEIGHT = 900, 30, 640  # the first size: every row shown, up to a point


class ConflictChoice(Enum):
    """What continues; the value is the button's text."""

    KEEP_MINE = "&Keep mine as a new version"
    TAKE_THEIRS = "&Take theirs"
    THEIRS_AND_ADDENDUM = "Take theirs and add mine as an &addendum\u2026"

    @property
    def object_name(self) -> str:
        return {
            ConflictChoice.KEEP_MINE: "keepMineButton",
            ConflictChoice.TAKE_THEIRS: "takeTheirsButton",
            ConflictChoice.THEIRS_AND_ADDENDUM: "addendumInsteadButton",
        }[self]


@dataclass(frozen=True)
class ConflictView:
    differences: tuple[FindingDifference, ...]
    theirs_title: str  # "Saved on the other workstation"
    theirs_details: tuple[str, ...]  # ("version 5", "2024-06-03 14:05", "by Sam Reid")
    theirs_status: AssessmentStatus
    notice: str = ""  # why the previous choice was refused

    @property
    def theirs_heading(self) -> str:
        return f"{self.theirs_title} ({', '.join(self.theirs_details)})"

    @property
    def theirs_column_title(self) -> str:
        """The heading over their values, on short lines (a column is narrow)."""
        return "\n".join([self.theirs_title, *self.theirs_details])

    @property
    def choices(self) -> tuple[ConflictChoice, ...]:
        if self.theirs_status is AssessmentStatus.DRAFT:
            return (ConflictChoice.KEEP_MINE, ConflictChoice.TAKE_THEIRS)
        if self.theirs_status is AssessmentStatus.SIGNED:
            return (ConflictChoice.TAKE_THEIRS, ConflictChoice.THEIRS_AND_ADDENDUM)
        return (ConflictChoice.TAKE_THEIRS,)

    @property
    def locked_text(self) -> str:
        if self.theirs_status is AssessmentStatus.SIGNED:
            return SIGNED_MEANWHILE
        if self.theirs_status is AssessmentStatus.AWAITING_COSIGNATURE:
            return SUBMITTED_MEANWHILE
        return ""


class ConflictDialog(QDialog):
    def __init__(self, view: ConflictView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle("Saved on another workstation")
        self.view = view
        self.choice: ConflictChoice | None = None

        headline = _label(HEADLINE, "conflictHeadline")
        font = QFont(headline.font())
        font.setBold(True)
        headline.setFont(font)
        explanation = _label(EXPLANATION, "conflictExplanation")
        self.locked = _label(view.locked_text, "conflictLocked")
        self.locked.setStyleSheet(NOTICE_STYLE)
        self.locked.setVisible(bool(view.locked_text))
        self.notice = _label(view.notice, "conflictNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setVisible(bool(view.notice))

        self.table = QTableWidget(len(view.differences), 3, self)
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName("Findings that differ between the two versions")
        self.table.setHorizontalHeaderLabels(["Finding", MINE_HEADING, view.theirs_column_title])
        self.table.horizontalHeaderItem(2).setToolTip(view.theirs_heading)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for row, difference in enumerate(view.differences):
            for column, text in enumerate((difference.title, difference.mine, difference.theirs)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setCurrentItem(None)  # nothing looks chosen before the person reads
        self.same = _label(NO_DIFFERENCES, "conflictSame")
        self.same.setVisible(not view.differences)
        self.table.setVisible(bool(view.differences))

        self.buttons = QDialogButtonBox(self)
        self.choice_buttons = {}
        for choice in view.choices:
            button = self.buttons.addButton(choice.value, QDialogButtonBox.ButtonRole.ActionRole)
            button.setObjectName(choice.object_name)
            button.setAutoDefault(False)  # Enter must not pick a version unread
            button.clicked.connect(lambda _=False, chosen=choice: self._choose(chosen))
            self.choice_buttons[choice] = button

        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(explanation)
        layout.addWidget(self.locked)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.same)
        layout.addWidget(self.buttons)
        self.setMinimumSize(*MINIMUM_SIZE)
        rows_height = ROW_HEIGHT * max(len(view.differences), 3)
        self.resize(WIDTH, min(MAX_HEIGHT, MINIMUM_SIZE[1] + rows_height))

    def column_title(self, column: int) -> str:
        return self.table.horizontalHeaderItem(column).text()

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, view: ConflictView) -> ConflictChoice | None:
        """The chosen version; None when closed without choosing (asked again at the next
        save, nothing is written meanwhile)."""
        dialog = cls(view, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.choice if accepted else None
        finally:
            dialog.deleteLater()


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
