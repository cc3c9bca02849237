"""Table cells: a plain string when the text fits on one line in the style's font alone,
a text block otherwise (also for characters only a fallback font has: see ``font_runs``).

The Table draws a string cell itself, with the font and colour its table style gives
that cell: cheaper than a text block (no words, no line breaking). ``cell_look`` gives the
table the font, size, leading and colour of the paragraph style, so a string cell and a
wrapped text block of the same style look alike.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from clinic_app.reports.font_runs import prints_alone
from clinic_app.reports.paragraphs import clean, para
from clinic_app.reports.text_block import TextBlock

Cell = tuple[int, int]
# ReportLab's default cell padding, which the tables here keep on both sides.
CELL_PADDING = 6


def cell(text: str, style: ParagraphStyle, column_width: float) -> str | TextBlock:
    """``text`` for a cell of ``column_width`` points drawn in ``style``."""
    cleaned = clean(text)
    one_line = " ".join(cleaned.split())
    if "\n" not in cleaned and prints_alone(one_line, style.fontName) and (
        stringWidth(one_line, style.fontName, style.fontSize) <= column_width - 2 * CELL_PADDING
    ):
        return one_line
    return para(text, style)


def cell_look(style: ParagraphStyle, start: Cell, stop: Cell) -> list[tuple]:
    """Table style commands that draw string cells from ``start`` to ``stop`` like ``style``."""
    return [
        ("FONT", start, stop, style.fontName, style.fontSize, style.leading),
        ("TEXTCOLOR", start, stop, style.textColor),
    ]
