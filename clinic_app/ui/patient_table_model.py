"""The patient search results as a Qt table model (a thin adapter, no service calls)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from clinic_app.services.ports import PatientRecord

COL_NAME = 0
COL_DATE_OF_BIRTH = 1
COL_SEX = 2
COL_IDENTIFIER = 3

HEADERS = {
    COL_NAME: "Name",
    COL_DATE_OF_BIRTH: "Date of birth",
    COL_SEX: "Sex",
    COL_IDENTIFIER: "Identifier",
}

PatientIdRole = Qt.ItemDataRole.UserRole + 1
PatientRecordRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class PatientTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[PatientRecord] = []

    def set_records(self, records: list[PatientRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> PatientRecord:
        return self._records[row]

    def row_of(self, patient_id: int) -> int | None:
        for row, record in enumerate(self._records):
            if record.id == patient_id:
                return row
        return None

    def replace_record(self, record: PatientRecord) -> None:
        """Show a patient's edited details in place, without a new search."""
        row = self.row_of(record.id)
        if row is None:
            return
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == PatientIdRole:
            return record.id
        if role == PatientRecordRole:
            return record
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(record, index.column())
        return None

    @staticmethod
    def _display(record: PatientRecord, column: int) -> str | None:
        patient = record.patient
        if column == COL_NAME:
            return patient.display_name
        if column == COL_DATE_OF_BIRTH:
            return patient.date_of_birth.isoformat()
        if column == COL_SEX:
            return patient.sex.label
        if column == COL_IDENTIFIER:
            return patient.identifier or ""
        return None
