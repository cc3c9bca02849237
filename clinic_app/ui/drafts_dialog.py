"""Lists the acting user's unsigned drafts, newest change first, to open one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.ui.pick_table import make_pick_table

HEADERS = ("Patient", "Assessment date", "Clinician", "Last changed")
COL_PATIENT = 0


@dataclass(frozen=True)
class DraftEntry:
    assessment_id: int
    patient_name: str
    assessment_date: date
    clinician: str
    updated_at: datetime


def _local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class DraftsDialog(QDialog):
    def __init__(self, parent: QWidget | None, entries: list[DraftEntry]) -> None:
        super().__init__(parent)
        self.setObjectName("draftsDialog")
        self.setWindowTitle("Unsigned drafts")
        self._entries = list(entries)

        intro = QLabel(
            "Assessments you started that are not signed yet. Open one to continue.", self
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._entries), len(HEADERS), self)
        self.table.setObjectName("draftsTable")
        self.table.setAccessibleName("Unsigned drafts")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        make_pick_table(self.table, COL_PATIENT)
        for row, entry in enumerate(self._entries):
            cells = (
                entry.patient_name,
                entry.assessment_date.isoformat(),
                entry.clinician,
                _local_time(entry.updated_at),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self._entries:
            self.table.selectRow(0)
        self.table.activated.connect(lambda _index: self.accept())  # Enter or double-click

        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton("&Open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("openDraftButton")
        self.open_button.setEnabled(bool(self._entries))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 360)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def chosen_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self._entries[rows[0].row()].assessment_id if rows else None

    @classmethod
    def ask(cls, parent: QWidget | None, entries: list[DraftEntry]) -> int | None:
        """The id of the draft to open, or None."""
        dialog = cls(parent, entries)
        try:
            return dialog.chosen_id if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
