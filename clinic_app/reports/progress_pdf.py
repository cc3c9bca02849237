"""The progress report for the referring doctor: outcomes against the MCID with charts,
baseline and current findings side by side, the course of the plan, the conclusion and the
next steps."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from clinic_app.domain.episode.report import ProgressReport
from clinic_app.domain.letterhead import Letterhead
from clinic_app.reports.cells import cell, cell_look
from clinic_app.reports.page import MUTED, PageFrame
from clinic_app.reports.paragraphs import bold, labelled, para
from clinic_app.reports.pdf_build import FRAME_WIDTH, render_pdf
from clinic_app.reports.progress_drawing import chart_drawing
from clinic_app.reports.styles import Styles, note_styles, table_style

CHART_HEIGHT = 58 * mm


def progress_frame(report: ProgressReport, letterhead: Letterhead, title: str,
                   draft: bool) -> PageFrame:
    who = report.clinician.strip() or letterhead.clinician_name.strip() or "not named"
    return PageFrame(
        letterhead=letterhead, document_title=title,
        patient_line=f"Patient: {report.patient.one_line}",
        clinician_line=f"Clinician: {who}, {report.current.on.isoformat()}",
        draft=draft, draft_footer_only=True,
    )


def grid(rows: list[list[str]], widths: list[float], styles: Styles) -> Table:
    """A header row and plain rows, wrapped where needed."""
    cells = [[cell(text, styles.cell_bold if index == 0 else styles.cell, width)
              for text, width in zip(row, widths, strict=True)]
             for index, row in enumerate(rows)]
    table = Table(cells, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(table_style([
        *cell_look(styles.cell_bold, (0, 0), (-1, 0)),
        *cell_look(styles.cell, (0, 1), (-1, -1)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, MUTED),
    ]))
    return table


def episode_lines(report: ProgressReport, styles: Styles) -> list[Flowable]:
    weeks = report.progress.weeks_since_baseline()
    return [
        labelled("Patient:", report.patient.one_line, styles.body),
        labelled("Episode:", f"first visit {report.baseline.on.isoformat()}, latest "
                 f"{report.current.on.isoformat()} ({weeks:.1f} weeks, "
                 f"{len(report.visits)} visits)"
                 + (", discharged" if report.discharged else ""), styles.body),
    ]


def outcome_table(report: ProgressReport, styles: Styles) -> Table:
    widths = [x * FRAME_WIDTH for x in (0.22, 0.16, 0.09, 0.1, 0.2, 0.23)]
    rows = [["Measure", "Baseline", "Now", "Change", "Meaningful?", "MCID"]]
    rows += [[row.label, row.baseline, row.current, row.change, row.verdict, row.mcid]
             for row in report.outcomes]
    return grid(rows, widths, styles)


def charts(report: ProgressReport) -> list[Flowable]:
    if len(report.visits) < 2:
        return []
    drawings = [chart_drawing(chart, FRAME_WIDTH / 2 - 4, CHART_HEIGHT)
                for chart in report.charts]
    rows = [drawings[index:index + 2] for index in range(0, len(drawings), 2)]
    rows = [row + [""] * (2 - len(row)) for row in rows]
    return [Table(rows, colWidths=[FRAME_WIDTH / 2] * 2, hAlign="LEFT")] if rows else []


def build_progress_pdf(report: ProgressReport, letterhead: Letterhead, draft: bool) -> bytes:
    styles = note_styles()
    story: list[Flowable] = [
        para("Progress report", styles.title), *episode_lines(report, styles),
        para("Conclusion", styles.section),
        bold(report.conclusion.lead, styles.body),
        *[para(line, styles.body) for line in report.conclusion.lines[1:]],
        para("Outcome measures against the minimal clinically important difference",
             styles.section),
        outcome_table(report, styles), Spacer(1, 2 * mm), *charts(report),
    ]
    if report.findings:
        widths = [x * FRAME_WIDTH for x in (0.5, 0.25, 0.25)]
        rows = [["Finding abnormal at either visit", report.baseline.on.isoformat(),
                 report.current.on.isoformat()], *[list(row) for row in report.findings]]
        story += [KeepTogether([para("Baseline and current findings", styles.section),
                                grid(rows, widths, styles)])]
    widths = [x * FRAME_WIDTH for x in (0.14, 0.18, 0.4, 0.14, 0.14)]
    rows = [["Visit", "Kind", "Plan phase", "Weeks treated", "Adherence"],
            *[[row.on.isoformat(), row.kind, row.phase, row.treatment_weeks, row.adherence]
              for row in report.course]]
    story += [KeepTogether([para("Course of the plan", styles.section),
                            grid(rows, widths, styles)])]
    story += [para("Next steps", styles.section),
              *[para(f"• {step}", styles.body) for step in report.next_steps]]
    return render_pdf(story, progress_frame(report, letterhead, "Progress report", draft))
