"""Plain text drawn straight on the canvas (headers, footers), with fallback fonts.

Lines are measured across the fonts of their runs and broken only between words, or,
for one word longer than a whole line (a long identifier), after a separator in it
(``-``, ``_``, ``/``, ``.``, ``:``), else where the line is full: every character is
printed. Text beyond the lines allowed ends in an ellipsis after a whole word.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from clinic_app.reports.font_runs import font_runs

ELLIPSIS = "…"
_BREAK_AFTER = re.compile(r"[-_/.:]")


def text_width(text: str, face: str, size: float) -> float:
    return sum(stringWidth(run, font, size) for run, font in font_runs(text, face))


def draw_text(canvas: Canvas, x: float, y: float, text: str, face: str, size: float) -> None:
    """Draw ``text`` from ``x`` on baseline ``y``, each run in its font."""
    for run, font in font_runs(text, face):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, size)
    canvas.setFont(face, size)


def draw_right_text(
    canvas: Canvas, right: float, y: float, text: str, face: str, size: float
) -> None:
    draw_text(canvas, right - text_width(text, face, size), y, text, face, size)


def fit(text: str, face: str, size: float, width: float) -> str:
    """``text`` on one line of ``width`` points, shortened with an ellipsis if need be."""
    return wrap_lines(text, face, size, width, max_lines=1)[0]


def wrap_lines(text: str, face: str, size: float, width: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width`` points."""
    lines: list[list[str]] = [[]]
    for word in text.split():
        candidate = " ".join([*lines[-1], word])
        if text_width(candidate, face, size) <= width:
            lines[-1].append(word)
            continue
        if lines[-1]:
            lines.append([])
        pieces = _word_pieces(word, face, size, width)
        for piece in pieces[:-1]:
            lines[-1].append(piece)
            lines.append([])
        lines[-1].append(pieces[-1])
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _with_ellipsis(lines[-1], face, size, width)
    return [" ".join(words) for words in lines]


def _word_pieces(word: str, face: str, size: float, width: float) -> list[str]:
    """``word`` in pieces that each fit ``width``, broken after a separator where one fits."""
    pieces = []
    while text_width(word, face, size) > width:
        fitting = 1
        while fitting < len(word) and text_width(word[:fitting + 1], face, size) <= width:
            fitting += 1
        separators = [match.end() for match in _BREAK_AFTER.finditer(word, 0, fitting)]
        cut = separators[-1] if separators else fitting
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word]


def _with_ellipsis(words: list[str], face: str, size: float, width: float) -> list[str]:
    while words and text_width(" ".join([*words, ELLIPSIS]), face, size) > width:
        words = words[:-1]
    return [*words, ELLIPSIS]
