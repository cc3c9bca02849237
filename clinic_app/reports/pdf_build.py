"""Turn a story of flowables into deterministic PDF bytes with the page furniture."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate

from clinic_app.reports.fonts import REGULAR, register_fonts
from clinic_app.reports.page import FOOTER_HEIGHT, HEADER_HEIGHT, MARGIN, PageFrame, numbered_canvas


def render_pdf(story: Sequence[Flowable], frame: PageFrame) -> bytes:
    """``invariant=1``: no timestamps or random ids, so equal input gives equal bytes."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_HEIGHT,
        bottomMargin=MARGIN + FOOTER_HEIGHT - 2 * mm,
        title=frame.document_title,
        creator="Clinic App",
        invariant=1,
        initialFontName=REGULAR,
    )
    document.build(list(story), canvasmaker=numbered_canvas(frame))
    return buffer.getvalue()
