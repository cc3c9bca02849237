"""A read-only Qt table over a list of stored records (anything with an ``id``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

IdRole = Qt.ItemDataRole.UserRole + 1
RecordRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> int: ...


class RecordTableModel(QAbstractTableModel):
    """Rows are records; subclasses say how a record reads in each column (``display``)."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._records: list[Any] = []

    def display(self, record: Any, column: int) -> str | None:
        raise NotImplementedError

    def set_items(self, records: Sequence[HasId]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def item_at(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        return next((row for row, r in enumerate(self._records) if r.id == record_id), None)

    def replace_item(self, record: HasId) -> None:
        """Show an edited record in place, without reloading the list."""
        row = self.row_of(record.id)
        if row is None:
            return
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == IdRole:
            return record.id
        if role == RecordRole:
            return record
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(record, index.column())
        return None
