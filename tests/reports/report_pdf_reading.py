"""Reading PDFs back as text for assertions."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def squash(text: str) -> str:
    """Text without any whitespace: line wrapping must not fail a containment check."""
    return re.sub(r"\s+", "", text)
