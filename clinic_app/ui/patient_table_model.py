"""The patient search results as a Qt table model (a thin adapter, no service calls)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from clinic_app.ui.record_table_model import IdRole, RecordRole, RecordTableModel

if TYPE_CHECKING:
    from clinic_app.services.ports import PatientRecord

COL_NAME = 0
COL_DATE_OF_BIRTH = 1
COL_SEX = 2
COL_IDENTIFIER = 3
HEADERS = ("Name", "Date of birth", "Sex", "Identifier")

PatientIdRole = IdRole
PatientRecordRole = RecordRole


class PatientTableModel(RecordTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(HEADERS, parent)

    def set_records(self, records: Sequence[PatientRecord]) -> None:
        self.set_items(records)

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
            return patient.sex.label
        if column == COL_IDENTIFIER:
            return patient.identifier or ""
        return None
