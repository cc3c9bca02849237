"""The patient's rehab plan as a PDF: plain language, large type, cards with pictures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from clinic_app.domain.rehab.advice import AdviceSection
from clinic_app.domain.rehab.handout import DAYS, ExerciseCard, MeasureBlock, RehabHandout
from clinic_app.domain.soap.document import PatientIdentity
from clinic_app.reports.fonts import BOLD, REGULAR
from clinic_app.reports.illustrations import Illustration
from clinic_app.reports.letterhead import Letterhead
from clinic_app.reports.markup import bold, labelled, para
from clinic_app.reports.page import ACCENT, MARGIN, PAGE_WIDTH, PageFrame
from clinic_app.reports.pdf_build import render_pdf
from clinic_app.reports.styles import ABNORMAL, Styles, plan_styles, table_style

CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
PICTURE_WIDTH = 46 * mm
LOG_WEEKS = 4
CARD_BORDER = colors.HexColor("#9fb6cc")
WARNING_FILL = colors.HexColor("#fdecea")
CALM_FILL = colors.HexColor("#eef4f9")


def plan_frame(
    patient: PatientIdentity, clinician: str, on: date, letterhead: Letterhead, draft: bool
) -> PageFrame:
    return PageFrame(
        letterhead=letterhead,
        document_title="Your knee exercise plan",
        patient_line=f"For: {patient.one_line}",
        clinician_line=f"From: {clinician or 'your clinician'} - {on.isoformat()}",
        draft=draft,
    )


def build_plan_pdf(
    handout: RehabHandout,
    patient: PatientIdentity,
    clinician: str,
    on: date,
    letterhead: Letterhead,
    illustrations: Path,
    draft: bool,
) -> bytes:
    styles = plan_styles()
    story: list[Flowable] = [
        para("Your knee exercise plan", styles.title),
        labelled("For:", patient.name, styles.body),
        labelled("Date:", on.isoformat(), styles.body),
        labelled("Your clinician:", clinician or "-", styles.body),
        labelled("Stage:", handout.phase_title, styles.body),
    ]
    if handout.note_to_patient and handout.note_to_patient.strip():
        story.append(Spacer(1, 3 * mm))
        story.append(_box([bold("A note from your clinician", styles.heading),
                           para(handout.note_to_patient, styles.body)], CALM_FILL, ACCENT))
    if not handout.loading_programme_allowed:
        story.append(Spacer(1, 4 * mm))
        story.append(_box(
            [bold("Please get this checked first", styles.section),
             para(handout.referral_advice or "", styles.body)],
            WARNING_FILL, ABNORMAL,
        ))
    else:
        story.extend(_advice_section(handout.advice_sections[0], styles, boxed=True))
        story.append(para("Your exercises", styles.section))
        story.append(para(
            "Tick a box each day you do the exercise. Stop and tell your clinician if the pain "
            "goes above 5 out of 10.", styles.body,
        ))
        story.extend(_card(card, styles, illustrations) for card in handout.cards)
        for block in handout.measures:
            story.extend(_measure(block, styles))
        for section in handout.advice_sections[1:]:
            story.extend(_advice_section(section, styles, boxed=False))
    story.append(Spacer(1, 5 * mm))
    story.append(_seek_care(handout.seek_care_today, styles))
    story.append(Spacer(1, 4 * mm))
    story.append(para("Where this advice comes from", styles.heading))
    story.extend(para(f"• {source}", styles.small) for source in handout.sources)
    return render_pdf(story, plan_frame(patient, clinician, on, letterhead, draft))


def _box(flowables: list[Flowable], fill: colors.Color, border: colors.Color) -> Table:
    table = Table([[flowables]], colWidths=[CONTENT_WIDTH])
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("BOX", (0, 0), (-1, -1), 1.5, border),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


def _card(card: ExerciseCard, styles: Styles, illustrations: Path) -> Flowable:
    """Picture and dose on top; the steps beside a tick-box log below."""
    summary: list[Flowable] = [
        bold(card.name, styles.heading),
        labelled("How much:", card.dose, styles.body),
        labelled("How often:", card.frequency, styles.body),
        labelled("Works:", card.target, styles.cell),
    ]
    steps: list[Flowable] = [
        para(f"{number}. {step}", styles.cell)
        for number, step in enumerate(card.instructions, start=1)
    ]
    steps += [
        Spacer(1, 1.5 * mm),
        labelled("Too easy?", card.progression, styles.cell),
        labelled("Too hard or too painful?", card.regression, styles.cell),
    ]
    log = _week_log()
    log_width = sum(log._colWidths) + 4 * mm
    left_width = max(PICTURE_WIDTH + 4 * mm, CONTENT_WIDTH - 12 - log_width)
    picture = Illustration(illustrations / card.illustration, PICTURE_WIDTH)
    bottom = Table([[steps, [para("Tick a box each day you do it", styles.small), log]]],
                   colWidths=[left_width, log_width])
    bottom.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 6),
    ]))
    top = Table([[picture, summary]],
                colWidths=[PICTURE_WIDTH + 4 * mm, CONTENT_WIDTH - 12 - PICTURE_WIDTH - 4 * mm])
    top.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    outer = Table([[[top, bottom]]], colWidths=[CONTENT_WIDTH])
    outer.setStyle(table_style([
        ("BOX", (0, 0), (-1, -1), 1, CARD_BORDER),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return KeepTogether([Spacer(1, 3 * mm), outer])


def _week_log() -> Table:
    """A tick-box grid: a row per week, a box per day (plain strings, no markup)."""
    data = [["", *DAYS]] + [[f"Wk {week}", *[""] * len(DAYS)] for week in range(1, LOG_WEEKS + 1)]
    box = 7.5 * mm
    table = Table(
        data, colWidths=[11 * mm] + [box] * len(DAYS),
        rowHeights=[5 * mm] + [6.5 * mm] * LOG_WEEKS, hAlign="LEFT",
    )
    table.setStyle(table_style([
        ("FONT", (0, 0), (-1, -1), REGULAR, 8),
        ("FONT", (0, 0), (-1, 0), BOLD, 8),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("GRID", (1, 1), (-1, -1), 0.8, CARD_BORDER),
    ]))
    return table


def _measure(block: MeasureBlock, styles: Styles) -> list[Flowable]:
    flowables: list[Flowable] = [para(block.title, styles.section)]
    flowables.extend(para(f"• {advice.text}", styles.body) for advice in block.advice)
    if block.ladder:
        rows = [[bold(level, styles.cell), para(step, styles.cell)] for level, step in block.ladder]
        ladder = Table(rows, colWidths=[30 * mm, CONTENT_WIDTH - 30 * mm], hAlign="LEFT")
        ladder.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, CARD_BORDER),
        ]))
        flowables.append(ladder)
    return [KeepTogether(flowables[:2]), *flowables[2:]]


def _advice_section(section: AdviceSection, styles: Styles, boxed: bool) -> list[Flowable]:
    items = [para(f"• {advice.text}", styles.body) for advice in section.items]
    if boxed:
        return [Spacer(1, 4 * mm),
                _box([bold(section.title, styles.heading), *items], CALM_FILL, ACCENT)]
    return [KeepTogether([para(section.title, styles.section), items[0]]), *items[1:]]


def _seek_care(section: AdviceSection, styles: Styles) -> Flowable:
    items = [para(f"• {advice.text}", styles.body) for advice in section.items]
    return KeepTogether(_box(
        [bold(section.title, styles.section), *items,
         para("Go to an emergency department or call your doctor the same day.", styles.body)],
        WARNING_FILL, ABNORMAL,
    ))
