"""Visits: each assessment's kind in the episode of care and its follow-up date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.episode.visits import VisitKind, kind_for_new_visit
from clinic_app.services.ports import FollowUpCandidate, NotFoundError, VisitFacts
from clinic_app.storage.patient_repository import patient_from_row
from clinic_app.storage.rows import PatientRow, VisitRow

_ORDER = (VisitRow.visit_date, VisitRow.assessment_id)


class SqlAlchemyVisitRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def for_patient(self, patient_id: int) -> list[VisitFacts]:
        rows = self._session.scalars(
            select(VisitRow).where(VisitRow.patient_id == patient_id).order_by(*_ORDER)
        )
        return [_facts(row) for row in rows]

    def get(self, assessment_id: int) -> VisitFacts:
        row = self._session.get(VisitRow, assessment_id)
        if row is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        return _facts(row)

    def set_kind(self, assessment_id: int, kind: VisitKind) -> None:
        row = self._session.get(VisitRow, assessment_id)
        if row is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        row.kind = kind.value
        self._session.flush()

    def follow_ups_until(self, last_day: date) -> list[FollowUpCandidate]:
        patients = select(VisitRow.patient_id).where(VisitRow.follow_up_date <= last_day)
        rows = self._session.execute(
            select(VisitRow, PatientRow).join(PatientRow, PatientRow.id == VisitRow.patient_id)
            .where(VisitRow.patient_id.in_(patients)).order_by(VisitRow.patient_id, *_ORDER)
        ).all()
        newest: dict[int, tuple[VisitRow, PatientRow]] = {}
        for visit, patient in rows:
            newest[visit.patient_id] = (visit, patient)
        return [
            FollowUpCandidate(_facts(visit), patient_from_row(patient))
            for visit, patient in newest.values()
            if visit.follow_up_date is not None and visit.follow_up_date <= last_day
            and visit.kind != VisitKind.DISCHARGE.value
        ]


def record_visit(session: Session, assessment_id: int, patient_id: int,
                 assessment: Assessment, new: bool) -> None:
    """Called by the assessment repository on every write of a document."""
    row = session.get(VisitRow, assessment_id)
    if row is None:
        earlier = session.scalars(
            select(VisitRow.kind).where(VisitRow.patient_id == patient_id).order_by(*_ORDER)
        ).all() if new else []
        row = VisitRow(assessment_id=assessment_id, patient_id=patient_id,
                       kind=kind_for_new_visit([VisitKind(kind) for kind in earlier]).value)
        session.add(row)
    row.visit_date = assessment.assessment_date
    row.follow_up_date = assessment.follow_up_date
    session.flush()


def _facts(row: VisitRow) -> VisitFacts:
    return VisitFacts(row.assessment_id, row.patient_id, row.visit_date, VisitKind(row.kind),
                      row.follow_up_date)

