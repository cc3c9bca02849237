"""A patient's earlier assessments in the current episode of care, read for rules that
compare visits (non-responder) and for the progress report."""

from __future__ import annotations

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.episode.visits import Visit, VisitKind, current_episode
from clinic_app.services.ports import AssessmentRecord, UnitOfWork, UnitOfWorkFactory


class AssessmentHistoryService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def earlier_than(self, assessment_id: int) -> list[Assessment]:
        """The same patient's assessments of this episode dated on or before this one
        (excluding it), oldest first."""
        with self._uow() as uow:
            return earlier_assessments(uow, uow.assessments.get(assessment_id))


def episode_until(uow: UnitOfWork, current: AssessmentRecord) -> tuple[Visit, ...]:
    """The visits of ``current``'s episode up to and including it, oldest first.

    On the same date the one stored first counts as earlier, matching the list order.
    A discharge before ``current`` ended an earlier episode: its visits are not counted.
    """
    on = current.assessment.assessment_date
    kinds = {facts.assessment_id: facts.kind
             for facts in uow.visits.for_patient(current.patient_id)}
    visits = [
        Visit(summary.id, kinds.get(summary.id, VisitKind.FOLLOW_UP),
              uow.assessments.get(summary.id).assessment)
        for summary in uow.assessments.for_patient(current.patient_id)
        if summary.id != current.id and (summary.assessment_date, summary.id) < (on, current.id)
    ]
    visits.append(Visit(current.id, kinds.get(current.id, VisitKind.FOLLOW_UP), current.assessment))
    return current_episode(visits)


def earlier_assessments(uow: UnitOfWork, current: AssessmentRecord) -> list[Assessment]:
    """``current``'s episode before it, oldest first (see ``episode_until``)."""
    return [visit.assessment for visit in episode_until(uow, current)[:-1]]
