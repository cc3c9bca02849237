"""The discharge summary: goals and whether they are met, final outcome scores against the
baseline, the home programme and when to come back."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from clinic_app.domain.episode.discharge import DischargeFacts
from clinic_app.domain.episode.report import ProgressReport
from clinic_app.domain.letterhead import Letterhead
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.reports.paragraphs import bold, labelled, para
from clinic_app.reports.pdf_build import FRAME_WIDTH, render_pdf
from clinic_app.reports.progress_pdf import (
    charts,
    episode_lines,
    grid,
    outcome_table,
    progress_frame,
)
from clinic_app.reports.styles import note_styles

GOALS_MET_TEXT = {True: "yes", False: "not all", None: "not yet known (findings missing)"}


def build_discharge_pdf(report: ProgressReport, facts: DischargeFacts, plan: RehabPlan,
                        library: ExerciseLibrary, letterhead: Letterhead, draft: bool) -> bytes:
    styles = note_styles()
    story: list[Flowable] = [
        para("Discharge summary", styles.title), *episode_lines(report, styles),
        labelled("Patient's goals:", facts.goals or "not recorded", styles.body),
        labelled("Discharge criteria met:", GOALS_MET_TEXT[facts.goals_met], styles.body),
        *[para(f"• {criterion.line}", styles.body) for criterion in facts.criteria],
        para("Final outcome scores", styles.section), outcome_table(report, styles),
        Spacer(1, 2 * mm), *charts(report),
        para("Home programme", styles.section),
        labelled("Stage:", plan.phase.label, styles.body),
    ]
    if plan.exercises:
        widths = [x * FRAME_WIDTH for x in (0.45, 0.3, 0.25)]
        rows = [["Exercise", "Dose", "How often"]] + [
            [library.get(item.exercise_id).name if item.exercise_id in library
             else item.exercise_id, item.dose, item.frequency] for item in plan.exercises]
        story.append(grid(rows, widths, styles))
    else:
        story.append(para(plan.referral_advice or "No exercises in the plan.", styles.body))
    story += [
        para("When to come back", styles.section),
        *[para(f"• {advice.text}", styles.body) for advice in facts.come_back_when],
        bold("Seek care the same day if", styles.heading),
        *[para(f"• {advice.text}", styles.body) for advice in facts.seek_care_today],
        Spacer(1, 2 * mm),
        para(report.conclusion.lines[-1], styles.small),
    ]
    return render_pdf(story, progress_frame(report, letterhead, "Discharge summary", draft))
