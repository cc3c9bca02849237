"""One exercise of the rehab plan as a boxed card: picture, dose, tick-box log and steps."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from clinic_app.domain.rehab.handout import DAYS, WEEKS_IN_LOG, ExerciseCard
from clinic_app.reports.grid import Grid
from clinic_app.reports.illustrations import Illustration
from clinic_app.reports.page import MARGIN, PAGE_WIDTH
from clinic_app.reports.paragraphs import bold, labelled, para
from clinic_app.reports.styles import Styles, table_style
from clinic_app.reports.tick_log import TickLog

CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
PICTURE_WIDTH = 36 * mm
CARD_BORDER = colors.HexColor("#9fb6cc")
CARD_PADDING = 6  # points, left and right, inside the border
STEPS_GAP = 8  # points between the steps and the tick-box log
CARD_GAP = 3 * mm


def exercise_card(card: ExerciseCard, styles: Styles, illustrations: Path) -> Grid:
    """Picture, dose and the tick-box log on top; the steps across the card below; one
    boxed table.

    Not kept together here: the plan decides what goes with the card onto a new page.
    ``spaceBefore`` separates it from what is above, and is dropped at the top of a page.
    """
    summary: list[Flowable] = [
        bold(card.name, styles.heading),
        labelled("How much:", card.dose, styles.cell),
        labelled("How often:", card.frequency, styles.cell),
        labelled("Works:", card.target, styles.cell),
    ]
    steps: list[Flowable] = [
        para(f"{number}. {step}", styles.cell)
        for number, step in enumerate(card.instructions, start=1)
    ]
    steps += [
        Spacer(1, 1 * mm),
        labelled("Too easy?", card.progression, styles.cell),
        labelled("Too hard or too painful?", card.regression, styles.cell),
    ]
    log = TickLog(DAYS, WEEKS_IN_LOG, CARD_BORDER)
    picture = Illustration(illustrations / card.illustration, PICTURE_WIDTH)
    picture_column = CARD_PADDING + PICTURE_WIDTH + 3 * mm
    log_column = log.width + CARD_PADDING + STEPS_GAP
    rows = [
        [picture, summary, log],
        [steps, "", ""],
    ]
    table = Grid(
        rows, colWidths=[picture_column, CONTENT_WIDTH - picture_column - log_column, log_column],
        spaceBefore=CARD_GAP,
    )
    table.setStyle(table_style([
        ("SPAN", (0, 1), (2, 1)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (0, 0), (0, -1), CARD_PADDING),
        ("LEFTPADDING", (2, 0), (2, 0), STEPS_GAP),
        ("RIGHTPADDING", (-1, 0), (-1, -1), CARD_PADDING),
        ("RIGHTPADDING", (0, 1), (0, 1), CARD_PADDING),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
        ("TOPPADDING", (0, 1), (-1, 1), 1),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 4),
        ("BOX", (0, 0), (-1, -1), 1, CARD_BORDER),
    ]))
    return table
