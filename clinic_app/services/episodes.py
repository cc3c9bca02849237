"""The episode of care: follow-up visits, progress across them, discharge, and who is due
back. Each use case reads what it needs in one unit of work."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import evaluate
from clinic_app.domain.episode.due import DueFollowUp, due_state, last_day_counted
from clinic_app.domain.episode.follow_up import filled_follow_up, follow_up_document, form_fields
from clinic_app.domain.episode.phases import PhaseProposal, phase_of, propose_next_phase
from clinic_app.domain.episode.report import ProgressReport, build_progress_report
from clinic_app.domain.episode.visits import (
    Visit,
    VisitKind,
    current_episode,
)
from clinic_app.domain.fields import Path
from clinic_app.domain.patient import Patient
from clinic_app.domain.plausible_dates import ImplausibleDateError, assessment_date_problem
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import User
from clinic_app.domain.rehab.builder import build_rehab_plan
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.services.actors import audit, resolve_editor
from clinic_app.services.ports import (
    AssessmentRecord,
    Clock,
    UnitOfWork,
    UnitOfWorkFactory,
    VisitFacts,
    utc_now,
)


class NothingToFollowUpError(ValueError):
    """The patient has no assessment yet: record the initial assessment first."""


class NotNewestVisitError(ValueError):
    """Only the newest visit of an episode can be its discharge."""


@dataclass(frozen=True)
class FollowUpStart:
    """What the follow-up form needs: the previous visit and the fields to ask for."""

    patient: Patient
    previous: Assessment
    fields: tuple[Path, ...]
    proposal: PhaseProposal  # judged on the previous visit; the form judges it again


@dataclass(frozen=True)
class VisitPlace:
    """A visit's facts and whether it is the patient's newest (what may be discharged)."""

    facts: VisitFacts
    newest: bool


class EpisodeService:
    def __init__(self, unit_of_work: UnitOfWorkFactory,
                 library: Callable[[], ExerciseLibrary], now: Clock = utc_now) -> None:
        self._uow = unit_of_work
        self._library = library
        self._now = now

    def progress(self, patient_id: int) -> ProgressReport:
        """The patient's current (or last, once discharged) episode, as the progress report
        states it; ``NothingToFollowUpError`` when there is no visit yet."""
        with self._uow() as uow:
            patient = uow.patients.get(patient_id).patient
            episode = current_episode(_visits(uow, patient_id))
        if not episode:
            raise NothingToFollowUpError(
                f"patient {patient_id} has no assessment yet: nothing to follow")
        return build_progress_report(patient, episode)

    def follow_up_form(self, patient_id: int) -> FollowUpStart:
        with self._uow() as uow:
            patient = uow.patients.get(patient_id).patient
            visits = _visits(uow, patient_id)
        if not visits:
            raise NothingToFollowUpError(
                f"patient {patient_id} has no assessment yet: record the initial assessment "
                "first")
        previous = visits[-1].assessment
        return FollowUpStart(patient, previous, form_fields(previous),
                             propose_next_phase(phase_of(previous), previous))

    def record_follow_up(
        self, patient_id: int, on: date, clinician: str, values: Mapping[Path, Any],
        *, move_on: bool = False, actor: User | None = None,
    ) -> AssessmentRecord:
        """A new follow-up visit (a draft assessment) with the form's ``values``.

        ``move_on``: the clinician accepts the next rehab phase; refused silently (the phase
        stays) when its criteria are not met at this visit. ``FieldError`` names a refused
        value, ``ImplausibleDateError`` a date that cannot be right.
        """
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit assessments")
            patient = uow.patients.get(patient_id).patient
            problem = assessment_date_problem(on, patient.date_of_birth, self._now().date())
            if problem:
                raise ImplausibleDateError(f"Assessment date: {problem}")
            visits = _visits(uow, patient_id)
            if not visits:
                raise NothingToFollowUpError(
                    f"patient {patient_id} has no assessment yet: record the initial "
                    "assessment first")
            previous = visits[-1].assessment
            document = filled_follow_up(follow_up_document(previous, on, clinician), values)
            proposal = propose_next_phase(phase_of(previous), document)
            document = self._with_plan(patient, document, visits, proposal, move_on)
            record = uow.assessments.add(patient_id, document, created_by=acting.username)
            uow.visits.set_kind(record.id, VisitKind.FOLLOW_UP)
            audit(uow, acting, AuditAction.CREATED, EntityType.ASSESSMENT, record.id)
            uow.commit()
            return record

    def _with_plan(self, patient: Patient, document: Assessment, visits: list[Visit],
                   proposal: PhaseProposal, move_on: bool) -> Assessment:
        """The plan at the phase the criteria allow: the next one when the clinician moves
        on and every criterion is met, else the previous visit's (never by weeks alone)."""
        if move_on and proposal.ready and proposal.next is not None:
            chosen = (proposal.next, "moved on at a follow-up: every criterion was met")
        else:
            chosen = (proposal.current, f"kept at a follow-up. {proposal.summary}"[:500])
        earlier = tuple(visit.assessment for visit in current_episode(visits))
        evaluation = evaluate(patient, document, earlier)
        plan = build_rehab_plan(document, evaluation, self._library(), chosen=chosen)
        return document.model_copy(update={"rehab_plan": plan})

    def discharge(self, assessment_id: int, *, actor: User | None = None) -> None:
        """Make this visit the discharge of its episode (it must be the patient's newest)."""
        with self._uow() as uow:
            acting = resolve_editor(uow, actor, "edit assessments")
            facts = uow.visits.get(assessment_id)
            newest = uow.visits.for_patient(facts.patient_id)[-1]
            if newest.assessment_id != assessment_id:
                raise NotNewestVisitError(
                    f"assessment {assessment_id} is not the patient's newest visit "
                    f"(that is {newest.assessment_id}): discharge on the newest one")
            uow.visits.set_kind(assessment_id, VisitKind.DISCHARGE)
            audit(uow, acting, AuditAction.CHANGED, EntityType.ASSESSMENT, assessment_id)
            uow.commit()

    def place(self, assessment_id: int) -> VisitPlace:
        with self._uow() as uow:
            facts = uow.visits.get(assessment_id)
            newest = uow.visits.for_patient(facts.patient_id)[-1]
        return VisitPlace(facts, newest.assessment_id == assessment_id)

    def visit_kind(self, assessment_id: int) -> VisitKind:
        with self._uow() as uow:
            return uow.visits.get(assessment_id).kind

    def due(self, today: date) -> list[DueFollowUp]:
        """Open episodes whose follow-up is overdue or due within the week, soonest first."""
        with self._uow() as uow:
            candidates = uow.visits.follow_ups_until(last_day_counted(today))
        found = []
        for candidate in candidates:
            on = candidate.facts.follow_up_date
            state = due_state(on, today) if on is not None else None
            if on is not None and state is not None:
                found.append(DueFollowUp(
                    candidate.facts.patient_id, candidate.patient.display_name,
                    candidate.facts.assessment_id, on, state))
        return sorted(found, key=lambda due: (due.follow_up_date, due.patient_name))


def _visits(uow: UnitOfWork, patient_id: int) -> list[Visit]:
    kinds = {facts.assessment_id: facts.kind for facts in uow.visits.for_patient(patient_id)}
    return [
        Visit(summary.id, kinds.get(summary.id, VisitKind.FOLLOW_UP),
              uow.assessments.get(summary.id).assessment)
        for summary in uow.assessments.for_patient(patient_id)
    ]
