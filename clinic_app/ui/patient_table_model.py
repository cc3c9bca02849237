"""The patient search results as a Qt table model (a thin adapter, no service calls)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from clinic_app.ui.record_table_model import AnyIndex, IdRole, RecordRole, RecordTableModel

if TYPE_CHECKING:
    from clinic_app.services.ports import PatientRecord

COL_NAME = 0
COL_DATE_OF_BIRTH = 1
COL_SEX = 2
COL_IDENTIFIER = 3
HEADERS = ("Name", "Date of birth", "Sex", "Identifier")

PatientIdRole = IdRole
PatientRecordRole = RecordRole


NextPage = Callable[[int], "Sequence[PatientRecord]"]  # the page after a patient id


class PatientTableModel(RecordTableModel):
    """Lazily fetched: the view asks for the next page (``fetchMore``) as it scrolls."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(HEADERS, parent)
        self._next_page: NextPage | None = None

    def set_records(
        self, records: Sequence[PatientRecord], next_page: NextPage | None = None
    ) -> None:
        """``next_page``: how to read the patients after the last one (None: all are here)."""
        self._next_page = next_page if records else None
        self.set_items(records)

    @property
    def next_page(self) -> NextPage | None:
        return self._next_page

    @property
    def has_more(self) -> bool:
        return self._next_page is not None

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._next_page is not None

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._next_page is None:
            return
        page = list(self._next_page(self._records[-1].id))
        if not page:
            self._next_page = None
            return
        first = len(self._records)
        self.beginInsertRows(parent, first, first + len(page) - 1)
        self._records.extend(page)
        self.endInsertRows()

    def record_at(self, row: int) -> PatientRecord:
        return self.item_at(row)

    def replace_record(self, record: PatientRecord) -> None:
        self.replace_item(record)

    def display(self, record: PatientRecord, column: int) -> str | None:
        patient = record.patient
        if column == COL_NAME:
            return patient.display_name
        if column == COL_DATE_OF_BIRTH:
            return patient.date_of_birth.isoformat()
        if column == COL_SEX:
            return patient.sex_label
        if column == COL_IDENTIFIER:
            return patient.identifier or ""
        return None
