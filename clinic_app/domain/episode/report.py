"""The content of the progress report (and of ``clinic-app progress``): plain facts and
words, laid out by the reports side. Built from one episode's visits, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import evaluate
from clinic_app.domain.episode.chart import ProgressChart, progress_charts
from clinic_app.domain.episode.course import CourseConclusion, course_conclusion
from clinic_app.domain.episode.follow_up import abnormal_tests
from clinic_app.domain.episode.phases import PhaseProposal, phase_of, propose_next_phase
from clinic_app.domain.episode.progress import EpisodeProgress, Series, episode_progress
from clinic_app.domain.episode.visits import Visit, is_discharged
from clinic_app.domain.fields import Path, get_value, spec_index
from clinic_app.domain.patient import Patient
from clinic_app.domain.soap.builder import identity
from clinic_app.domain.soap.document import PatientIdentity
from clinic_app.domain.value_text import format_value

NOT_ASSESSED = "not assessed"


@dataclass(frozen=True)
class OutcomeRow:
    key: str
    label: str
    baseline: str
    current: str
    change: str
    verdict: str
    mcid: str


@dataclass(frozen=True)
class CourseRow:
    on: date
    kind: str
    phase: str
    treatment_weeks: str
    adherence: str


@dataclass(frozen=True)
class ProgressReport:
    patient: PatientIdentity
    clinician: str
    visits: tuple[Visit, ...]
    progress: EpisodeProgress
    outcomes: tuple[OutcomeRow, ...]
    findings: tuple[tuple[str, str, str], ...]  # finding, at baseline, now
    course: tuple[CourseRow, ...]
    proposal: PhaseProposal | None
    conclusion: CourseConclusion
    next_steps: tuple[str, ...]
    charts: tuple[ProgressChart, ...]
    discharged: bool

    @property
    def baseline(self) -> Visit:
        return self.visits[0]

    @property
    def current(self) -> Visit:
        return self.visits[-1]


def _value(series: Series, index: int) -> str:
    point = series.points[index]
    if point.value is None:
        return NOT_ASSESSED
    unit = {"points": "", "%": " %"}.get(series.measure.unit, "")
    return f"{point.value:g}{unit}"


def _outcome(series: Series) -> OutcomeRow:
    first = series.baseline
    baseline = f"{first.value:g} ({first.on.isoformat()})" if first and first.value is not None \
        else NOT_ASSESSED
    change = series.change()
    return OutcomeRow(series.measure.key, series.measure.label, baseline,
                      _value(series, len(series.points) - 1),
                      f"{change.delta:+g}" if change else "-", series.verdict().label,
                      series.measure.mcid_text)


def _label(path: Path) -> str:
    spec = spec_index(Assessment)[path]
    context = [title for title in spec.group_titles[1:] if title not in ("Left", "Right")]
    side = f" ({spec.side})" if spec.side else ""
    return ": ".join([*context[-1:], spec.title]) + side


def _findings(baseline: Assessment, current: Assessment) -> tuple[tuple[str, str, str], ...]:
    paths = dict.fromkeys((*abnormal_tests(baseline), *abnormal_tests(current)))
    specs = spec_index(Assessment)
    rows = []
    for path in paths:
        values = [get_value(visit, path) for visit in (baseline, current)]
        rows.append((_label(path), *(
            NOT_ASSESSED if value is None else format_value(value, specs[path])
            for value in values)))
    return tuple(rows)


def _course_row(visit: Visit) -> CourseRow:
    treatment = visit.assessment.history.treatment
    return CourseRow(
        visit.on, visit.kind.label, phase_of(visit.assessment).label,
        NOT_ASSESSED if treatment.weeks is None else f"{treatment.weeks:g}",
        NOT_ASSESSED if treatment.adherence_percent is None
        else f"{treatment.adherence_percent:g} %")


def _next_steps(current: Assessment, proposal: PhaseProposal | None) -> tuple[str, ...]:
    steps = []
    if proposal is not None:
        steps.append(proposal.summary)
    if current.referral:
        steps.append(f"Referral: {current.referral}")
    if current.soap_text.plan:
        steps.append(current.soap_text.plan)
    steps.append(f"Next review: {current.follow_up_date.isoformat()}" if current.follow_up_date
                 else "Next review: no date set")
    return tuple(steps)


def build_progress_report(patient: Patient, visits: Sequence[Visit]) -> ProgressReport:
    """``visits``: one episode's, oldest first (at least one)."""
    visits = tuple(visits)
    progress = episode_progress(visits)
    assessments = [visit.assessment for visit in visits]
    now = evaluate(patient, assessments[-1], tuple(assessments[:-1]))
    previous = evaluate(patient, assessments[-2], tuple(assessments[:-2])) \
        if len(assessments) > 1 else None
    proposal = propose_next_phase(phase_of(assessments[-2]), assessments[-1]) \
        if len(assessments) > 1 else None
    current = assessments[-1]
    return ProgressReport(
        patient=identity(patient, current), clinician=current.clinician, visits=visits,
        progress=progress, outcomes=tuple(_outcome(s) for s in progress.recorded),
        findings=_findings(assessments[0], current),
        course=tuple(_course_row(visit) for visit in visits), proposal=proposal,
        conclusion=course_conclusion(progress, now, previous),
        next_steps=_next_steps(current, proposal), charts=progress_charts(progress),
        discharged=is_discharged(visits),
    )
