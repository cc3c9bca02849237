"""The episode of care on a real database (SQLite and PostgreSQL): follow-ups, progress
against the MCID, phase progression, discharge and who is due back."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.app import build_services
from clinic_app.domain.episode.due import DueState
from clinic_app.domain.episode.verdict import Verdict
from clinic_app.domain.episode.visits import VisitKind
from clinic_app.domain.fields import FieldError
from clinic_app.domain.rehab.plan import Phase
from clinic_app.services.episodes import NotNewestVisitError
from clinic_app.storage.database import Database
from tests.episode.building import outcomes, record_baseline

TREATMENT = ("history", "treatment")


def test_follow_ups_progress_phase_and_discharge(database: Database) -> None:
    services = build_services(database)
    patient = record_baseline(services, date(2026, 1, 5), outcomes(60, 6, 8))
    form = services.episodes.follow_up_form(patient)
    assert ("outcomes", "pain", "usual") in form.fields
    assert form.previous.outcomes.pain.usual == 6  # shown beside the field, not copied in

    first = services.episodes.record_follow_up(
        patient, date(2026, 2, 2), "A. Clinician",
        {**outcomes(66, 3, 5), (*TREATMENT, "weeks"): 4, (*TREATMENT, "adherence_percent"): 90,
         ("patellar", "left", "effusion"): "zero", ("patellar", "right", "effusion"): "zero",
         ("follow_up_date",): date(2026, 3, 2)},
        move_on=True,
    )
    assert services.episodes.visit_kind(first.id) is VisitKind.FOLLOW_UP
    stored = services.assessments.load(first.id).assessment
    assert stored.rehab_plan is not None and stored.rehab_plan.phase is Phase.BUILD
    assert stored.history.body == form.previous.history.body

    second = services.episodes.record_follow_up(
        patient, date(2026, 3, 2), "A. Clinician",
        {**outcomes(78, 1, 2), (*TREATMENT, "weeks"): 8, ("follow_up_date",): date(2026, 3, 9)},
    )
    report = services.episodes.progress(patient)
    assert [visit.kind for visit in report.visits] == [
        VisitKind.INITIAL, VisitKind.FOLLOW_UP, VisitKind.FOLLOW_UP]
    akps = report.progress.of("akps")
    assert [point.value for point in akps.points] == [60, 66, 78]
    assert akps.verdict() is Verdict.BETTER and akps.band() == (50, 70)
    # 2 points or 30 %, whichever is smaller: 30 % of 6 is 1.8.
    assert report.progress.of("nprs_usual").band() == pytest.approx((4.2, 7.8))
    assert report.proposal is not None and report.proposal.current is Phase.BUILD
    assert not report.proposal.ready  # step-down and symmetry were not recorded
    assert "record" in report.proposal.summary

    due = services.episodes.due(date(2026, 3, 10))
    assert [(d.assessment_id, d.state) for d in due] == [(second.id, DueState.OVERDUE)]
    assert services.episodes.due(date(2026, 3, 5))[0].state is DueState.DUE_THIS_WEEK
    assert services.episodes.due(date(2026, 3, 1)) == []  # 8 days ahead: not this week
    assert services.episodes.due(date(2026, 2, 20)) == []

    with pytest.raises(NotNewestVisitError):
        services.episodes.discharge(first.id)
    services.episodes.discharge(second.id)
    assert services.episodes.progress(patient).discharged
    assert services.episodes.due(date(2026, 3, 10)) == []  # discharged: no longer due

    # A new visit after the discharge starts a new episode with its own baseline.
    again = services.assessments.start(patient, date(2026, 9, 1))
    assert services.episodes.visit_kind(again.id) is VisitKind.INITIAL
    assert services.history.earlier_than(again.id) == []


def test_a_refused_value_names_the_field_and_saves_nothing(database: Database) -> None:
    services = build_services(database)
    patient = record_baseline(services, date(2026, 1, 5), outcomes(60, 6, 8))
    with pytest.raises(FieldError, match=r"outcomes.pain.usual: 11 is not allowed"):
        services.episodes.record_follow_up(
            patient, date(2026, 2, 2), "", {("outcomes", "pain", "usual"): 11})
    assert len(services.assessments.for_patient(patient)) == 1
