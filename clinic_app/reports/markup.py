"""The one path from user text into a ReportLab Paragraph.

Paragraph text is a small XML dialect: raw ``<b>`` raises, ``Dx: <unknown>``
silently loses the tag-like part, ``&amp;`` would be decoded. Every text that
reaches a Paragraph is therefore escaped here first; fixed markup (bold labels,
line breaks) is added only after escaping. Strings drawn directly on the canvas
or put into Table cells as plain strings must not be escaped.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe(text: str) -> str:
    """Escape text for Paragraph markup; keep line breaks; drop control characters."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(cleaned).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(safe(text), style)


def labelled(label: str | None, text: str, style: ParagraphStyle) -> Paragraph:
    """``label`` in bold, then ``text``; both are escaped."""
    if not label:
        return para(text, style)
    return Paragraph(f"<b>{safe(label)}</b> {safe(text)}", style)


def bold(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(f"<b>{safe(text)}</b>", style)
