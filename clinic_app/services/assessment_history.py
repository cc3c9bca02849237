"""A patient's earlier assessments, read for rules that compare visits (non-responder)."""

from __future__ import annotations

from clinic_app.domain.assessment import Assessment
from clinic_app.services.ports import AssessmentRecord, UnitOfWork, UnitOfWorkFactory


class AssessmentHistoryService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def earlier_than(self, assessment_id: int) -> list[Assessment]:
        """The same patient's assessments dated on or before this one (excluding it), oldest
        first."""
        with self._uow() as uow:
            return earlier_assessments(uow, uow.assessments.get(assessment_id))


def earlier_assessments(uow: UnitOfWork, current: AssessmentRecord) -> list[Assessment]:
    """``current``'s patient's assessments dated on or before it (excluding it), oldest first.

    On the same date the one stored first counts as earlier, matching the list order.
    """
    on = current.assessment.assessment_date
    return [
        uow.assessments.get(summary.id).assessment
        for summary in uow.assessments.for_patient(current.patient_id)
        if summary.id != current.id and (summary.assessment_date, summary.id) < (on, current.id)
    ]
