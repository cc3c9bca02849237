"""One patient's assessments (date, clinician, status) as a Qt table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from clinic_app.ui.record_table_model import IdRole, RecordRole, RecordTableModel

if TYPE_CHECKING:
    from clinic_app.services.ports import AssessmentSummary

COL_DATE = 0
COL_CLINICIAN = 1
COL_STATUS = 2
HEADERS = ("Date", "Clinician", "Status")

AssessmentIdRole = IdRole
AssessmentSummaryRole = RecordRole


class AssessmentTableModel(RecordTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(HEADERS, parent)

    def set_summaries(self, summaries: Sequence[AssessmentSummary]) -> None:
        """Newest first, whatever order the repository returned them in."""
        self.set_items(
            sorted(summaries, key=lambda s: (s.assessment_date, s.updated_at, s.id), reverse=True)
        )

    def summary_at(self, row: int) -> AssessmentSummary:
        return self.item_at(row)

    def display(self, record: AssessmentSummary, column: int) -> str | None:
        if column == COL_DATE:
            return record.assessment_date.isoformat()
        if column == COL_CLINICIAN:
            return record.clinician or "—"
        if column == COL_STATUS:
            return record.status.label
        return None
