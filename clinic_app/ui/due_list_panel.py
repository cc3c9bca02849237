"""The "Due for follow-up" list: open episodes whose follow-up is overdue or due this week.

A thin view over ``EpisodeService.due``: Enter or a double-click on a row asks for that
patient (``patientChosen``); the episode presenter fills and refreshes the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from clinic_app.ui.pick_table import make_pick_table
from clinic_app.ui.record_table_model import AnyIndex, IdRole, RecordTableModel

if TYPE_CHECKING:
    from clinic_app.domain.episode.due import DueFollowUp

COL_PATIENT = 0
COL_DATE = 1
COL_STATE = 2
HEADERS = ("Patient", "Follow-up", "When")
OVERDUE_COLOUR = QColor("#b00020")
VISIBLE_ROWS_AT_LEAST = 3
NOTHING_DUE = "Due for follow-up: nobody this week"


@dataclass(frozen=True)
class ListedDue:
    due: DueFollowUp
    when: str  # "3 days overdue", "today", "in 2 days"

    @property
    def id(self) -> int:
        return self.due.patient_id


class DueTableModel(RecordTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(HEADERS, parent)

    def set_due(self, due: Sequence[DueFollowUp], today: date) -> None:
        self.set_items([ListedDue(item, item.days_text(today)) for item in due])

    def listed_at(self, row: int) -> ListedDue:
        return self.item_at(row)

    def display(self, record: ListedDue, column: int) -> str | None:
        if column == COL_PATIENT:
            return record.due.patient_name
        if column == COL_DATE:
            return record.due.follow_up_date.isoformat()
        if column == COL_STATE:
            return f"{record.due.state.label}: {record.when}"
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ForegroundRole and index.isValid()
                and index.column() == COL_STATE
                and self.listed_at(index.row()).due.overdue):
            return OVERDUE_COLOUR
        return super().data(index, role)


class DueListPanel(QWidget):
    patientChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueListPanel")
        self.model = DueTableModel(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("dueListHeading")
        table = QTableView(self)
        table.setObjectName("dueTable")
        table.setModel(self.model)  # before the header's resize modes: they need columns
        self.table = make_pick_table(table, COL_PATIENT)
        self.table.setMinimumHeight(VISIBLE_ROWS_AT_LEAST * table.verticalHeader()
                                    .defaultSectionSize() + table.horizontalHeader().height())
        self.table.setAccessibleName("Patients due for follow-up")
        self.heading.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self.table.activated.connect(self._on_activated)
        self.show_due([], date.min)

    def show_due(self, due: Sequence[DueFollowUp], today: date) -> None:
        self.model.set_due(due, today)
        overdue = sum(1 for item in due if item.overdue)
        if not due:
            self.heading.setText(NOTHING_DUE)
        else:
            late = f", {overdue} overdue" if overdue else ""
            self.heading.setText(f"&Due for follow-up ({len(due)}{late})")
        self.table.setVisible(bool(due))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.patientChosen.emit(index.data(IdRole))
