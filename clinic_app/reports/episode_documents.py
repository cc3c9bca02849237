"""The episode's documents of one export: progress report, discharge summary and the
follow-up calendar file, each rendered on first request."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.episode.discharge import discharge_facts
from clinic_app.domain.episode.report import ProgressReport, build_progress_report
from clinic_app.domain.episode.visits import Visit, VisitKind
from clinic_app.domain.letterhead import Letterhead
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.reports.discharge_pdf import build_discharge_pdf
from clinic_app.reports.follow_up_calendar import follow_up_calendar
from clinic_app.reports.progress_pdf import build_progress_pdf
from clinic_app.services.exporting import DocumentKind, ExportSource


class EpisodeDocuments:
    def __init__(self, source: ExportSource, letterhead: Letterhead,
                 library: Callable[[], ExerciseLibrary]) -> None:
        self._source = source
        self._letterhead = letterhead
        self._library = library

    @cached_property
    def report(self) -> ProgressReport:
        return build_progress_report(self._source.patient, self.visits)

    @property
    def visits(self) -> tuple[Visit, ...]:
        source = self._source
        assessments = (*source.earlier, source.assessment)
        kinds = source.kinds or tuple(
            VisitKind.INITIAL if index == 0 else VisitKind.FOLLOW_UP
            for index in range(len(assessments)))
        return tuple(Visit(None, kind, assessment)
                     for kind, assessment in zip(kinds, assessments, strict=True))

    @property
    def _draft(self) -> bool:
        return self._source.assessment.status is not AssessmentStatus.SIGNED

    def content(self, kind: DocumentKind, plan: RehabPlan) -> bytes:
        if kind is DocumentKind.PROGRESS_PDF:
            return build_progress_pdf(self.report, self._letterhead, self._draft)
        if kind is DocumentKind.DISCHARGE_PDF:
            facts = discharge_facts(self.report.progress, plan)
            return build_discharge_pdf(self.report, facts, plan, self._library(),
                                       self._letterhead, self._draft)
        if kind is DocumentKind.FOLLOW_UP_ICS:
            assessment = self._source.assessment
            return follow_up_calendar(assessment.follow_up_date, assessment.assessment_date,
                                      assessment.clinician, self._letterhead)
        raise ValueError(f"not an episode document: {kind}")
