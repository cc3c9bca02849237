"""One patient's assessments (date, clinician, status) as a Qt table model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from clinic_app.services.ports import AssessmentSummary

COL_DATE = 0
COL_CLINICIAN = 1
COL_STATUS = 2

HEADERS = {COL_DATE: "Date", COL_CLINICIAN: "Clinician", COL_STATUS: "Status"}

AssessmentIdRole = Qt.ItemDataRole.UserRole + 1
AssessmentSummaryRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class AssessmentTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._summaries: list[AssessmentSummary] = []

    def set_summaries(self, summaries: list[AssessmentSummary]) -> None:
        """Newest first, whatever order the repository returned them in."""
        self.beginResetModel()
        self._summaries = sorted(
            summaries, key=lambda s: (s.assessment_date, s.updated_at, s.id), reverse=True
        )
        self.endResetModel()

    def summary_at(self, row: int) -> AssessmentSummary:
        return self._summaries[row]

    def row_of(self, assessment_id: int) -> int | None:
        for row, summary in enumerate(self._summaries):
            if summary.id == assessment_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._summaries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._summaries):
            return None
        summary = self._summaries[index.row()]
        if role == AssessmentIdRole:
            return summary.id
        if role == AssessmentSummaryRole:
            return summary
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_DATE:
            return summary.assessment_date.isoformat()
        if column == COL_CLINICIAN:
            return summary.clinician or "—"
        if column == COL_STATUS:
            return summary.status.label
        return None
