"""A cheap token that changes whenever patients or assessments change, for list refresh."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_app.storage.rows import AssessmentRow, AuditChainHeadRow, PatientRow


class SqlAlchemyChangeFeed:
    def __init__(self, session: Session) -> None:
        self._session = session

    def token(self) -> str:
        """One statement: the newest ``updated_at`` of patients and of assessments (each an
        index lookup) and the audit chain's length, which grows on every create and delete
        (a deleted draft leaves no ``updated_at`` behind)."""
        found = self._session.execute(select(
            select(func.max(PatientRow.updated_at)).scalar_subquery(),
            select(func.max(AssessmentRow.updated_at)).scalar_subquery(),
            select(AuditChainHeadRow.sequence).where(AuditChainHeadRow.id == 1)
            .scalar_subquery(),
        )).one()
        return "|".join("" if value is None else str(value) for value in found)
