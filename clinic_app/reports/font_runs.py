"""Text split into runs, each in the first font that has a glyph for its characters.

A text in ``face`` is printed in ``face`` where it can be, else in the regular DejaVu face,
else in the first fallback font that has the character. Whitespace joins the run around
it where that font has it. Text that ``face`` prints alone, left to right, is one run
(the common, fast case).

While ``noticing()`` is active, what could not be printed as written is collected: the
characters no font has (printed as a box) and right-to-left letters (Hebrew, Arabic),
which ReportLab prints in stored order, unjoined.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache

from clinic_app.reports.fonts import REGULAR, fallback_fonts, glyphs

# (text, font name) pieces of one text, in order
Runs = list[tuple[str, str]]
RIGHT_TO_LEFT = frozenset({"R", "AL"})


@dataclass
class GlyphNotices:
    missing: set[str] = field(default_factory=set)
    right_to_left: set[str] = field(default_factory=set)


_notices: ContextVar[GlyphNotices | None] = ContextVar("glyph_notices", default=None)


@contextmanager
def noticing() -> Iterator[GlyphNotices]:
    """Collect, for the text printed inside the block, what could not print as written."""
    notices = GlyphNotices()
    token = _notices.set(notices)
    try:
        yield notices
    finally:
        _notices.reset(token)


def prints_alone(text: str, face: str) -> bool:
    """Whether ``face`` prints every character of ``text``, left to right."""
    return _left_to_right_glyphs(face).issuperset(text)


def font_runs(text: str, face: str) -> Runs:
    if prints_alone(text, face):
        return [(text, face)] if text else []
    fonts = [None if char.isspace() else _font_for(char, face) for char in text]
    known = [font for font in fonts if font is not None]
    previous = known[0] if known else face  # leading whitespace joins the first run
    runs: Runs = []
    for char, font in zip(text, fonts, strict=True):
        if font is None:  # whitespace: in the run around it, if that font has it
            font = previous if char == "\n" or char in glyphs(previous) else face
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + char, font)
        else:
            runs.append((char, font))
        previous = font
    return runs


def _font_for(char: str, face: str) -> str:
    notices = _notices.get()
    if notices is not None and unicodedata.bidirectional(char) in RIGHT_TO_LEFT:
        notices.right_to_left.add(char)
    for font in _chain(face):
        if char in glyphs(font):
            return font
    if notices is not None:
        notices.missing.add(char)
    return face


@cache
def _chain(face: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((face, REGULAR, *fallback_fonts())))


@cache
def _left_to_right_glyphs(face: str) -> frozenset[str]:
    return frozenset(
        char for char in glyphs(face) if unicodedata.bidirectional(char) not in RIGHT_TO_LEFT
    ) | {" ", "\n"}
