"""Reading PDFs back as text for assertions."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

from clinic_app.reports.page import PAGE_HEIGHT
from clinic_app.reports.pdf_build import BOTTOM_MARGIN, TOP_MARGIN


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def squash(text: str) -> str:
    """Text without any whitespace: line wrapping must not fail a containment check."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class TextRun:
    x: float
    y: float  # baseline, points from the bottom of the page
    text: str


def body_runs(data: bytes) -> list[list[TextRun]]:
    """Per page, the text runs inside the page frame (no letterhead, footer or DRAFT
    watermark), top to bottom, left to right."""
    bottom, top = BOTTOM_MARGIN, PAGE_HEIGHT - TOP_MARGIN
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        runs: list[TextRun] = []

        def visit(text: str, cm: list, tm: list, *_: object, runs: list = runs) -> None:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and text.strip() != "DRAFT" and bottom - 2 <= y <= top + 2:
                runs.append(TextRun(x, y, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(sorted(runs, key=lambda run: (-round(run.y), run.x)))
    return pages


def page_fill(data: bytes) -> list[float]:
    """Per page, the share of the frame's height down to its lowest line of text."""
    bottom, top = BOTTOM_MARGIN, PAGE_HEIGHT - TOP_MARGIN
    return [
        round((top - min((run.y for run in runs), default=top)) / (top - bottom), 2)
        for runs in body_runs(data)
    ]


def last_lines(data: bytes) -> list[str]:
    """Per page, the text of the lowest line inside the frame."""
    out = []
    for runs in body_runs(data):
        lowest = min((run.y for run in runs), default=None)
        out.append(" ".join(run.text for run in runs if lowest is not None
                            and abs(run.y - lowest) < 1))
    return out
