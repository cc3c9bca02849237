"""What every page carries: letterhead, patient identification, "Page x of y", DRAFT mark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from clinic_app.domain.letterhead import Letterhead
from clinic_app.reports.canvas_text import draw_text, fit, wrap_lines
from clinic_app.reports.fonts import BOLD, REGULAR

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
HEADER_HEIGHT = 22 * mm
FOOTER_HEIGHT = 14 * mm
INK = colors.HexColor("#1f2d3a")
MUTED = colors.HexColor("#5b6770")
ACCENT = colors.HexColor("#1f4e79")
DRAFT_RED = colors.HexColor("#b3261e")


@dataclass(frozen=True)
class PageFrame:
    """The fixed texts drawn on every page (plain strings: drawn, never parsed as markup)."""

    letterhead: Letterhead
    document_title: str
    patient_line: str
    clinician_line: str
    draft: bool
    # The patient's copy marks a draft with a small footer line only; the clinician's note
    # also carries the header mark and the watermark.
    draft_footer_only: bool = False


def numbered_canvas(frame: PageFrame) -> Callable[..., Canvas]:
    """A canvas class that draws the page furniture once the page count is known.

    Everything but the page number and the DRAFT mark is the same on every page: it is
    drawn once into a form (a PDF XObject) that each page shows, which keeps pages small
    and quick. The DRAFT watermark is see-through, which ReportLab's forms cannot carry.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if number == 1:
                    self.beginForm(FURNITURE)
                    _draw_furniture(self, frame, _page_label(total, total))
                    self.endForm()
                self.doForm(FURNITURE)
                _draw_page_number(self, _page_label(number, total))
                if frame.draft and not frame.draft_footer_only:
                    _draw_watermark(self)
                super().showPage()
            super().save()

    return NumberedCanvas


FURNITURE = "furniture"
FOOTER_BASELINE = MARGIN - 1 * mm
FOOTER_LINE_STEP = 4 * mm
# The patient line and the clinician line together, each wrapped when too long.
FOOTER_LINES = 3
DRAFT_FOOTER = "DRAFT - not yet signed"


def _page_label(number: int, total: int) -> str:
    return f"Page {number} of {total}"


def _draw_page_number(canvas: Canvas, label: str) -> None:
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, 8)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, FOOTER_BASELINE, label)
    canvas.restoreState()


def _draw_furniture(canvas: Canvas, frame: PageFrame, widest_page_label: str) -> None:
    """Letterhead, rules, patient and clinician lines; the widest page number leaves the
    room the footer lines may use."""
    canvas.saveState()
    width = PAGE_WIDTH - 2 * MARGIN
    top = PAGE_HEIGHT - MARGIN
    logo_width = 0.0
    logo = frame.letterhead.logo_path
    if logo is not None and logo.is_file():
        logo_width = 30 * mm
        canvas.drawImage(
            str(logo), PAGE_WIDTH - MARGIN - logo_width, top - 16 * mm, logo_width, 16 * mm,
            preserveAspectRatio=True, anchor="ne", mask="auto",
        )
    header_width = width - logo_width - 4 * mm
    address = frame.letterhead.address.replace("\n", ", ")
    for baseline, text, face, size, colour in (
        (top - 5 * mm, frame.letterhead.clinic_name, BOLD, 13, ACCENT),
        (top - 9.5 * mm, address, REGULAR, 8, MUTED),
        (top - 15 * mm, frame.document_title, BOLD, 9, INK),
    ):
        canvas.setFillColor(colour)
        draw_text(canvas, MARGIN, baseline, fit(text, face, size, header_width), face, size)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1)
    canvas.line(MARGIN, top - 18 * mm, PAGE_WIDTH - MARGIN, top - 18 * mm)

    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, FOOTER_BASELINE + 4 * mm, PAGE_WIDTH - MARGIN, FOOTER_BASELINE + 4 * mm)
    right_width = stringWidth(widest_page_label, REGULAR, 8)
    if frame.draft and frame.draft_footer_only:
        right_width = max(right_width, stringWidth(DRAFT_FOOTER, REGULAR, 7))
    left_width = width - right_width - 6 * mm
    patient = wrap_lines(frame.patient_line, REGULAR, 8, left_width, FOOTER_LINES - 1)
    clinician = wrap_lines(frame.clinician_line, REGULAR, 8, left_width,
                           FOOTER_LINES - len(patient))
    baseline = FOOTER_BASELINE
    for lines, colour in ((patient, INK), (clinician, MUTED)):
        canvas.setFillColor(colour)
        for line in lines:
            draw_text(canvas, MARGIN, baseline, line, REGULAR, 8)
            baseline -= FOOTER_LINE_STEP
    if frame.draft and frame.draft_footer_only:
        canvas.setFillColor(DRAFT_RED)
        canvas.setFont(REGULAR, 7)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, FOOTER_BASELINE - FOOTER_LINE_STEP,
                               DRAFT_FOOTER)
    elif frame.draft:
        canvas.setFillColor(DRAFT_RED)
        canvas.setFont(BOLD, 9)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, top - 15 * mm, "DRAFT - not signed")
    canvas.restoreState()


def _draw_watermark(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.13))
    canvas.setFont(BOLD, 110)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -35, "DRAFT")
    canvas.restoreState()
