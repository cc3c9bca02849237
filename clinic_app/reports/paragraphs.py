"""The one path from user text into the reports' text blocks.

User text is never read as markup: a text is runs of characters, each in a font, so
``<b>`` or ``&amp;`` print as written. Line breaks in the text are kept. Characters the
style's font lacks (Chinese, emoji) are printed in a fallback font (``font_runs``).
Strings drawn directly on the canvas or put into Table cells as plain strings go through
``clean`` only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle

from clinic_app.domain.control_characters import printable
from clinic_app.reports.font_runs import font_runs
from clinic_app.reports.fonts import BOLD
from clinic_app.reports.text_block import TextBlock

# (text, in bold) pieces of one paragraph
Pieces = Sequence[tuple[str, bool]]
_WHITESPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Unify line breaks and drop control characters (they draw as boxes)."""
    return printable(text.replace("\r\n", "\n").replace("\r", "\n"))


def para(text: str, style: ParagraphStyle) -> TextBlock:
    return _paragraph([(text, False)], style)


def labelled(label: str | None, text: str, style: ParagraphStyle) -> TextBlock:
    """``label`` in bold, then ``text``."""
    if not label:
        return para(text, style)
    return _paragraph([(label, True), (" " + text, False)], style)


def bold(text: str, style: ParagraphStyle) -> TextBlock:
    return _paragraph([(text, True)], style)


def _paragraph(pieces: Pieces, style: ParagraphStyle) -> TextBlock:
    lines: list[list[tuple[str, str]]] = [[]]
    for text, in_bold in pieces:
        face = BOLD if in_bold else style.fontName
        for index, line in enumerate(clean(text).split("\n")):
            if index:
                lines.append([])
            lines[-1].extend(font_runs(_spaced(line), face))
    return TextBlock(lines, style)


def _spaced(text: str) -> str:
    """Every run of whitespace as one space (a tab or a no-break space prints as a space)."""
    return _WHITESPACE.sub(" ", text)
