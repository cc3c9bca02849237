"""Turn a story of flowables into deterministic PDF bytes with the page furniture."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate

from clinic_app.reports.fonts import REGULAR, register_fonts
from clinic_app.reports.page import (
    FOOTER_HEIGHT,
    HEADER_HEIGHT,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PageFrame,
    numbered_canvas,
)

# Binary (Flate only) streams in every PDF this process writes. ASCII85 armour is for
# 7-bit channels: it adds a quarter to the file and, encoded in pure Python, about a
# tenth to an export's time.
rl_config.useA85 = 0

TOP_MARGIN = MARGIN + HEADER_HEIGHT
BOTTOM_MARGIN = MARGIN + FOOTER_HEIGHT - 2 * mm
FRAME_PADDING = 6  # ReportLab's default padding inside the page's frame, on every side
# The space the story is laid out in, on every page.
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING
FRAME_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN - 2 * FRAME_PADDING


def render_pdf(story: Sequence[Flowable], frame: PageFrame) -> bytes:
    """``invariant=1``: no timestamps or random ids, so equal input gives equal bytes."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=frame.document_title,
        creator="Clinic App",
        invariant=1,
        initialFontName=REGULAR,
    )
    document.build(list(story), canvasmaker=numbered_canvas(frame))
    return buffer.getvalue()
