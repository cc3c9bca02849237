"""The feedback a student keeps: their score, what they missed and why, and the key's rules."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from clinic_app.domain.letterhead import Letterhead
from clinic_app.domain.practice.attempt import Attempt
from clinic_app.domain.practice.case import PracticeCase
from clinic_app.domain.practice.grading import PracticeResult
from clinic_app.reports.page import PageFrame
from clinic_app.reports.paragraphs import bold, labelled, para
from clinic_app.reports.pdf_build import FRAME_WIDTH, render_pdf
from clinic_app.reports.styles import note_styles, table_style

TITLE = "Practice feedback"


def render_feedback_pdf(case: PracticeCase, attempt: Attempt, result: PracticeResult) -> bytes:
    frame = PageFrame(
        letterhead=Letterhead(clinic_name="Clinic App practice mode"),
        document_title=f"{TITLE}: {case.title}",
        patient_line=f"Practice case (not a patient): {case.title}",
        clinician_line=f"Student: {attempt.student}",
        draft=False,
    )
    return render_pdf(feedback_story(case, attempt, result), frame)


def feedback_story(case: PracticeCase, attempt: Attempt, result: PracticeResult
                   ) -> list[Flowable]:
    s = note_styles()
    story: list[Flowable] = [para(f"{TITLE}: {case.title}", s.title)]
    story.append(labelled("Total:", f"{result.total} / {result.max_total}", s.body))
    story.append(para(_time_line(result), s.body))
    story.append(_score_table(result))
    story.append(para("Completeness: the must-do items", s.section))
    for item in result.completeness.items:
        mark = "Done" if item.done else "MISSED"
        story.append(labelled(f"{mark}: {item.title}.", item.why, s.abnormal if not item.done
                              else s.body))
        if item.not_asked:
            story.append(para("Not asked: " + "; ".join(item.not_asked), s.small))
    story.append(para("Reasoning: your answer against the key", s.section))
    rows = [[para("", s.cell), bold("Key", s.cell_bold), bold("Your answer", s.cell_bold),
             bold("Points", s.cell_bold)]]
    for aspect in result.reasoning.aspects:
        rows.append([para(aspect.aspect, s.cell), para(aspect.expected, s.cell),
                     para(aspect.given, s.cell if aspect.correct else s.cell_abnormal),
                     para(f"{aspect.points} / {aspect.max}", s.cell)])
    story.append(_table(rows, (0.2, 0.35, 0.33, 0.12)))
    story.append(para("The rules that decide it", s.heading))
    for rule in result.reasoning.deciding_rules:
        story.append(labelled(f"{rule.title} ({rule.rule_id}, {rule.urgency}).", rule.reasoning,
                              s.body))
        story.append(labelled("Action:", rule.action, s.body))
        story.append(para(f"Sources {rule.evidence}: " + "; ".join(rule.sources), s.small))
    story.append(labelled("Model plan:", result.reasoning.model_plan, s.body))
    story.append(labelled("Your plan:", result.reasoning.your_plan or "(none written)", s.body))
    story.append(para("Efficiency", s.section))
    if result.efficiency.wasted:
        story.append(para(result.efficiency.why, s.body))
        story.append(para("; ".join(w.title for w in result.efficiency.wasted), s.abnormal))
    else:
        story.append(para("No test was requested that could not change the answer.", s.body))
    story.append(Spacer(1, 4 * mm))
    story.append(para("A practice case for teaching; no patient data. Decision support only: "
                      "the clinician makes the diagnosis.", s.small))
    return story


def _time_line(result: PracticeResult) -> str:
    if result.seconds_used is None:
        return f"Mode: {result.mode}."
    used = f"{result.seconds_used // 60} min {result.seconds_used % 60:02d} s"
    if result.time_limit_minutes is None:
        return f"Mode: {result.mode}; time used {used}."
    late = " (time ran out)" if result.timed_out else ""
    limit = result.time_limit_minutes
    return f"Mode: {result.mode.upper()}; time used {used} of {limit} min{late}."


def _score_table(result: PracticeResult) -> Table:
    s = note_styles()
    rows = [
        [para("Completeness", s.cell), para(f"{result.completeness.score:g} / "
                                            f"{result.completeness.max}", s.cell)],
        [para("Reasoning", s.cell), para(f"{result.reasoning.score} / {result.reasoning.max}",
                                         s.cell)],
        [para("Efficiency", s.cell), para(f"{result.efficiency.score} / {result.efficiency.max}",
                                          s.cell)],
    ]
    return _table(rows, (0.3, 0.2))


def _table(rows: list[list[Flowable]], shares: tuple[float, ...]) -> Table:
    table = Table(rows, colWidths=[FRAME_WIDTH * share for share in shares], hAlign="LEFT")
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#c8ced3")]))
    return table
