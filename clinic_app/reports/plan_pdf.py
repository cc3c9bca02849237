"""The patient's rehab plan as a PDF: plain language, large type, cards with pictures.

Reading order: who and when, how much pain is OK, the exercise cards, what else helps,
when to seek care, sources. A card is never split; when one does not fit below what is
on a page and would leave a large gap (on page 1, below the pain guide, it used to leave
half the page), sections of "what else helps" move up to fill it (see ``backfill``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from clinic_app.domain.letterhead import Letterhead
from clinic_app.domain.rehab.advice import AdviceSection
from clinic_app.domain.rehab.handout import MeasureBlock, RehabHandout
from clinic_app.domain.soap.document import PatientIdentity
from clinic_app.reports.backfill import Backfill
from clinic_app.reports.cells import cell, cell_look
from clinic_app.reports.exercise_card import CARD_BORDER, CONTENT_WIDTH, exercise_card
from clinic_app.reports.grid import Grid
from clinic_app.reports.keep import with_start
from clinic_app.reports.page import ACCENT, PageFrame
from clinic_app.reports.paragraphs import bold, labelled, para
from clinic_app.reports.pdf_build import FRAME_HEIGHT, render_pdf
from clinic_app.reports.styles import ABNORMAL, Styles, plan_styles, table_style

WARNING_FILL = colors.HexColor("#fdecea")
CALM_FILL = colors.HexColor("#eef4f9")
# A smaller gap under a card reads as the end of a page; a larger one is filled with advice.
MIN_FILLED_GAP = 15 * mm
# Less than this on the last page looks like a stray page.
MIN_LAST_PAGE = FRAME_HEIGHT / 4
LADDER_LEVEL_WIDTH = 30 * mm


def plan_frame(
    patient: PatientIdentity, clinician: str, on: date, letterhead: Letterhead, draft: bool
) -> PageFrame:
    return PageFrame(
        letterhead=letterhead,
        document_title="Your knee exercise plan",
        patient_line=f"For: {patient.one_line}",
        clinician_line=f"From: {clinician or 'your clinician'} - {on.isoformat()}",
        draft=draft,
        draft_footer_only=True,
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
    # The assessment's clinician, else the clinic's clinician; no line rather than a dash.
    who = clinician.strip() or letterhead.clinician_name.strip()
    story: list[Flowable] = [
        para("Your knee exercise plan", styles.title),
        labelled("For:", f"{patient.name}, {on.isoformat()}", styles.body),
        *([labelled("Your clinician:", who, styles.body)] if who else []),
        labelled("Stage:", handout.phase_title, styles.body),
        *([labelled(None, handout.next_step, styles.body)]
          if handout.next_step else []),
    ]
    if handout.safety_check_notice:
        story.append(Spacer(1, 2 * mm))
        story.append(_box([labelled("Safety check not finished.", handout.safety_check_notice,
                                    styles.body)], WARNING_FILL, ABNORMAL))
    if handout.note_to_patient and handout.note_to_patient.strip():
        story.append(Spacer(1, 3 * mm))
        story.append(_box([bold("A note from your clinician", styles.heading),
                           para(handout.note_to_patient, styles.body)], CALM_FILL, ACCENT,
                          splittable=True))
    if not handout.loading_programme_allowed:
        story.append(Spacer(1, 4 * mm))
        story.append(_box(
            [bold("Please get this checked first", styles.section),
             para(handout.referral_advice or "", styles.body)],
            WARNING_FILL, ABNORMAL,
        ))
    else:
        story.append(Spacer(1, 4 * mm))
        story.append(_box(_advice(handout.advice_sections[0], styles, boxed=True),
                          CALM_FILL, ACCENT))
        story.extend(_programme(handout, styles, illustrations))
    story.extend(_closing(handout, styles))
    return render_pdf(story, plan_frame(patient, clinician, on, letterhead, draft))


def _programme(handout: RehabHandout, styles: Styles, illustrations: Path) -> list[Flowable]:
    """The cards, then what else helps; the latter may move up into a gap a card leaves."""
    backfill = Backfill([
        *(_measure(block, styles) for block in handout.measures),
        *(_advice(section, styles, boxed=False) for section in handout.advice_sections[1:]),
    ], min_gap=MIN_FILLED_GAP)
    blocks = [[exercise_card(card, styles, illustrations)] for card in handout.cards]
    if blocks:
        blocks[0][:0] = [
            para("Your exercises", styles.section),
            para("Tick a box each day you do one. Stop and tell your clinician if the pain goes "
                 "above 5 out of 10.", styles.body),
        ]
    story: list[Flowable] = []
    for block in blocks:
        story += [backfill.ahead_of(block), KeepTogether(block)]
    return [*story, backfill.rest()]


def _box(
    flowables: list[Flowable], fill: colors.Color, border: colors.Color, splittable: bool = False
) -> Grid:
    """A framed, tinted box; moved whole to the next page unless ``splittable`` (for text of
    any length, which may not fit on one page)."""
    table = Grid([[flowables]], colWidths=[CONTENT_WIDTH], splitInRow=int(splittable))
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("BOX", (0, 0), (-1, -1), 1.5, border),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


def _measure(block: MeasureBlock, styles: Styles) -> list[Flowable]:
    title = para(block.title, styles.section)
    bullets = [para(f"• {advice.text}", styles.body) for advice in block.advice]
    if not block.ladder:
        return _headed(title, bullets)
    # Two levels a row, read left to right: half the height of one a row.
    step_width = CONTENT_WIDTH / 2 - LADDER_LEVEL_WIDTH
    widths = [LADDER_LEVEL_WIDTH, step_width] * 2
    pairs = [
        [cell(level, styles.cell_bold, LADDER_LEVEL_WIDTH), cell(step, styles.cell, step_width)]
        for level, step in block.ladder
    ]
    rows = [pairs[index] + (pairs[index + 1] if index + 1 < len(pairs) else ["", ""])
            for index in range(0, len(pairs), 2)]
    ladder = Grid(rows, colWidths=widths, hAlign="LEFT")
    ladder.setStyle(table_style([
        *cell_look(styles.cell_bold, (0, 0), (0, -1)),
        *cell_look(styles.cell_bold, (2, 0), (2, -1)),
        *cell_look(styles.cell, (1, 0), (1, -1)),
        *cell_look(styles.cell, (3, 0), (3, -1)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, CARD_BORDER),
    ]))
    if len(bullets) < 2:
        return with_start([title, *bullets], ladder)
    # The ladder is read with the line that introduces it, never alone atop a page.
    return [*_headed(title, bullets[:-1]), *with_start(bullets[-1:], ladder)]


def _advice(section: AdviceSection, styles: Styles, boxed: bool) -> list[Flowable]:
    """A titled list of advice: a small heading inside a box, a section heading outside."""
    items = [para(f"• {advice.text}", styles.body) for advice in section.items]
    if boxed:
        return [bold(section.title, styles.heading), *items]
    return _headed(para(section.title, styles.section), items)


def _headed(title: Flowable, items: list[Flowable]) -> list[Flowable]:
    """``title`` then ``items``, the title kept with the start of the first."""
    return [*with_start([title], items[0]), *items[1:]] if items else [title]


def _closing(handout: RehabHandout, styles: Styles) -> list[Flowable]:
    """When to see a specialist, when to seek care today, then the sources in one line:
    the last two kept together so the sources never stand alone on a page."""
    closing: list[Flowable] = [Spacer(1, 4 * mm)]
    if handout.see_a_specialist is not None:
        closing += [_specialist(handout, styles), Spacer(1, 3 * mm)]
    sources = para(handout.sources_line, styles.small)
    closing.append(KeepTogether([_seek_care(handout.seek_care_today, styles),
                                 Spacer(1, 2 * mm), sources]))
    return closing


def _specialist(handout: RehabHandout, styles: Styles) -> Grid:
    section = handout.see_a_specialist
    assert section is not None
    items = [para(f"• {advice.text}", styles.body) for advice in section.items]
    return _box([bold(f"{section.title} if...", styles.heading), *items,
                 para(handout.specialist_why, styles.body)], CALM_FILL, ACCENT)


def _seek_care(section: AdviceSection, styles: Styles) -> Grid:
    return _box(
        [bold(section.title, styles.section), _two_columns(section, styles),
         para("Go to an emergency department or call your doctor the same day.", styles.body)],
        WARNING_FILL, ABNORMAL,
    )


def _two_columns(section: AdviceSection, styles: Styles) -> Grid:
    """The section's items as bullets in two columns, down the first and then the second."""
    half = (len(section.items) + 1) // 2
    width = (CONTENT_WIDTH - 16) / 2  # the box's padding
    columns = [[para(f"• {advice.text}", styles.body) for advice in part]
               for part in (section.items[:half], section.items[half:])]
    table = Grid([columns], colWidths=[width, width])
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table
