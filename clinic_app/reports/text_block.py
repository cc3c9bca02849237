"""A block of text the reports lay out and draw themselves, instead of a ReportLab Paragraph.

The reports' text has a small model: runs of (text, font) in one size and colour, left
aligned, with line breaks where the text has them. ReportLab's Paragraph serves a far larger
one (markup, justification, hyphenation, bullets, links) and pays for it on every line: it
was about half the time of an export. This block breaks lines the way the Paragraph does for
that small model (greedy, words between spaces, a space may shrink by 5 % to keep a word on
its line, a word longer than a line split where the line is full), keeps each width's lines,
and draws each line with one text operator per font.

A block split across pages keeps its first lines as broken and re-flows the rest, so the
continuation may be laid out at another width. As with the Paragraph, a block never leaves
a single line at the foot of a page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

# (text, font name) pieces of one line of text, in order
Runs = Sequence[tuple[str, str]]

# ReportLab's own constants: the share a space may shrink, and the narrowest width
# worth laying out in.
SPACE_SHRINKAGE = 0.05
NARROWEST = 1e-8
UNFITTABLE = 0x7FFFFFFF
SOFT_HYPHEN = "\xad"


class Word(NamedTuple):
    """Characters between spaces, perhaps in several fonts, and the space before them
    (``space`` 0: at the start of a line, or a later piece of a word split across lines).

    ``hyphens``: the word holds soft hyphens, where it may break with a hyphen; they are
    not counted in its width nor printed.
    """

    runs: tuple[tuple[str, str], ...]
    width: float
    space: float = 0.0
    space_font: str = ""
    hyphens: bool = False


class Line(NamedTuple):
    """One printed line: its words and the line of the text (between breaks) it is from."""

    source: int
    words: tuple[Word, ...]


class TextBlock(Flowable):
    """``lines``: the text's lines (as between its line breaks), each as runs.

    The style gives the size, leading, colour and the space before and after; its font is
    the one the runs were chosen for.
    """

    def __init__(self, lines: Sequence[Runs], style: ParagraphStyle) -> None:
        super().__init__()
        self.style = style
        size = style.fontSize
        self._sources: list[tuple[Word, ...]] = _trimmed(
            [tuple(_words(runs, size)) for runs in lines]
        )
        self._broken_width: float | None = None
        self._lines: list[Line] = []

    @classmethod
    def _of_words(cls, sources: list[tuple[Word, ...]], style: ParagraphStyle) -> TextBlock:
        block = cls((), style)
        block._sources = sources
        return block

    @property
    def runs(self) -> list[tuple[str, str]]:
        """Every run, in order, spaces in the run they belong to, line breaks as ``\n``."""
        runs: list[tuple[str, str]] = []
        for index, words in enumerate(self._sources):
            if index:
                runs.append(("\n", self.style.fontName))
            runs += _printed(Line(index, words))
        return runs

    def getPlainText(self, identify: object = None) -> str:  # ReportLab's error messages
        return "".join(text for text, _ in self.runs)

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def minWidth(self) -> float:
        return max((word.width for words in self._sources for word in words), default=0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth < NARROWEST:
            return 0, UNFITTABLE
        self.width = availWidth
        self.height = len(self._lines_at(availWidth)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not self._sources or availWidth < NARROWEST or availHeight < NARROWEST:
            return []
        # As the Paragraph does, split the lines of the last wrap: a frame narrowed by an
        # Indenter asks for the split at its full width.
        width = availWidth if self._broken_width is None else self._broken_width
        lines = self._lines_at(width)
        fitting = int(availHeight / self.style.leading)
        if fitting <= 1:  # no single line left at the foot of a page
            return []
        if len(lines) <= fitting:
            return [self]
        # The first lines stay as they were broken here; the rest is re-flowed.
        head = TextBlock._of_words([line.words for line in lines[:fitting]], self.style)
        head._lines = [Line(index, line.words) for index, line in enumerate(lines[:fitting])]
        head._broken_width = width
        return [head, TextBlock._of_words(_reflowed(lines[fitting:]), self.style)]

    def draw(self) -> None:
        lines = self._lines_at(self.width)
        if not lines:
            return
        style = self.style
        canvas = self.canv
        # The first baseline a font size below the top, as ReportLab's Paragraph places it.
        text = canvas.beginText(0, self.height - style.fontSize)
        text.setFillColor(style.textColor)
        current_font = ""
        for line in lines:
            for piece, font in _printed(line):
                if font != current_font:
                    text.setFont(font, style.fontSize, style.leading)
                    current_font = font
                text.textOut(piece)
            text.textLine()
        canvas.saveState()
        canvas.drawText(text)
        canvas.restoreState()

    def _lines_at(self, width: float) -> list[Line]:
        if width != self._broken_width:
            self._lines = list(_broken(self._sources, width, self.style.fontSize))
            self._broken_width = width
        return self._lines


def _trimmed(sources: list[tuple[Word, ...]]) -> list[tuple[Word, ...]]:
    """Without the empty lines at the start and end (a blank text has no lines)."""
    start, stop = 0, len(sources)
    while start < stop and not sources[start]:
        start += 1
    while stop > start and not sources[stop - 1]:
        stop -= 1
    return sources[start:stop]


@lru_cache(maxsize=1 << 16)
def _unit_width(text: str, font: str) -> float:
    """Width of ``text`` at one point (widths scale with the size)."""
    return stringWidth(text, font, 1.0)


def _words(runs: Runs, size: float) -> Iterator[Word]:
    """The words of one line of runs, split at spaces (the text holds single spaces)."""
    pieces: list[tuple[str, str]] = []  # the word being read, by font
    space_font = ""  # of the space before it: none before a line's first word
    last_space_font = ""  # of the last space read, once a word has been read
    hyphens = False  # whether the word being read holds soft hyphens
    for text, font in runs:
        soft = SOFT_HYPHEN in text
        for position, part in enumerate(text.split(" ")):
            if position:  # a space came before this part
                if pieces:
                    yield _word(pieces, space_font, size, hyphens)
                    pieces, hyphens = [], False
                    last_space_font = font
                elif last_space_font:
                    last_space_font = font
            if soft and SOFT_HYPHEN in part:
                if not part.strip(SOFT_HYPHEN):
                    continue  # soft hyphens alone print nothing
                hyphens = True
            if part:
                if not pieces:
                    space_font = last_space_font
                pieces.append((part, font))
    if pieces:
        yield _word(pieces, space_font, size, hyphens)


def _word(pieces: list[tuple[str, str]], space_font: str, size: float, hyphens: bool) -> Word:
    if hyphens:
        width = sum(_unit_width(text.replace(SOFT_HYPHEN, ""), font) for text, font in pieces)
    elif len(pieces) == 1:
        width = _unit_width(*pieces[0])
    else:
        width = sum(_unit_width(text, font) for text, font in pieces)
    space = _unit_width(" ", space_font) * size if space_font else 0.0
    return Word(tuple(pieces), width * size, space, space_font, hyphens)


def _broken(sources: Sequence[tuple[Word, ...]], width: float, size: float) -> Iterator[Line]:
    """The printed lines of ``sources`` in lines of ``width`` points.

    Words keep the space before them even at the start of a line (where it is not printed),
    so that lines re-flowed at another width are spaced as written.
    """
    for index, words in enumerate(sources):
        line: list[Word] = []
        used = spaces = 0.0
        waiting = list(reversed(words))
        while waiting:
            word = waiting.pop()
            added = word.space if line else 0.0
            spaces += added
            limit = width + SPACE_SHRINKAGE * spaces
            if used + added + word.width <= limit:
                line.append(word)
                used += added + word.width
                continue
            if word.hyphens:
                # As much of the word as fits, up to a soft hyphen, then a hyphen; else
                # the word on the next line, if its first part fits there.
                parts = _hyphenated(word, limit - used - added, size)
                if parts is None and line and _hyphenated(word, width, size) is not None:
                    parts = (None, word)
                if parts is not None:
                    head, tail = parts
                    if head is not None:
                        line.append(head)
                    yield Line(index, tuple(line))
                    line, used, spaces = [], 0.0, 0.0
                    waiting.append(tail)
                    continue
            if word.width <= width:
                if line:
                    yield Line(index, tuple(line))
                line, used, spaces = [word], word.width, 0.0
                continue
            # Longer than a whole line: fill this line, then whole lines, then go on from
            # where the word ends.
            first, *rest = _split_word(word, width - used - added, width, size)
            if first.runs:
                line.append(first)
            if line:
                yield Line(index, tuple(line))
            for piece in rest[:-1]:
                yield Line(index, (piece,))
            line = rest[-1:]
            used, spaces = sum(piece.width for piece in line), 0.0
        yield Line(index, tuple(line))


def _hyphenated(word: Word, room: float, size: float) -> tuple[Word, Word] | None:
    """``word`` broken at its last soft hyphen where the part before it and a hyphen fit
    in ``room``; the part after goes on glued to it."""
    chars = [(char, font) for text, font in word.runs for char in text]
    for position in range(len(chars) - 1, 0, -1):
        char, font = chars[position]
        if char != SOFT_HYPHEN:
            continue
        head = _merged([*chars[:position], ("-", font)])
        head_width = sum(_unit_width(text.replace(SOFT_HYPHEN, ""), run_font)
                         for text, run_font in head) * size
        if head_width <= room:
            tail = _merged(chars[position + 1:])
            tail_width = word.width - head_width + _unit_width("-", font) * size
            return (
                Word(tuple(head), head_width, word.space, word.space_font, True),
                Word(tuple(tail), tail_width, 0.0, "", any(SOFT_HYPHEN in t for t, _ in tail)),
            )
    return None


def _split_word(word: Word, room: float, width: float, size: float) -> list[Word]:
    """``word`` in pieces: the first, after the word's space, fits in ``room`` (it may be
    empty); each later one, glued to the one before, in ``width``, at least a character."""
    pieces: list[Word] = []
    runs: list[tuple[str, str]] = []
    used, limit = 0.0, room
    for text, font in word.runs:
        for char in text:
            if char == SOFT_HYPHEN:
                continue
            char_width = _unit_width(char, font) * size
            if used + char_width > limit and (runs or not pieces):
                pieces.append(_piece(word, runs, used, first=not pieces))
                runs, used, limit = [], 0.0, width
            runs.append((char, font))
            used += char_width
    pieces.append(_piece(word, runs, used, first=not pieces))
    return pieces


def _piece(word: Word, runs: Runs, width: float, first: bool) -> Word:
    if first:
        return Word(tuple(_merged(runs)), width, word.space, word.space_font)
    return Word(tuple(_merged(runs)), width)


def _reflowed(lines: Sequence[Line]) -> list[tuple[Word, ...]]:
    """The words of ``lines`` as the lines of text they come from, to be broken afresh."""
    sources: list[list[Word]] = []
    previous = None
    for line in lines:
        if line.source != previous:
            sources.append([])
            previous = line.source
        sources[-1].extend(line.words)
    return [tuple(words) for words in sources]


def _printed(line: Line) -> list[tuple[str, str]]:
    """The runs that print ``line``: its words and the spaces between them, joined by font."""
    runs: list[tuple[str, str]] = []
    texts: list[str] = []
    font = ""
    for position, word in enumerate(line.words):
        pieces = word.runs
        if word.hyphens:
            pieces = tuple((text.replace(SOFT_HYPHEN, ""), font) for text, font in pieces)
        if position and word.space:
            pieces = ((" ", word.space_font), *pieces)
        for text, piece_font in pieces:
            if piece_font != font:
                if texts:
                    runs.append(("".join(texts), font))
                    texts = []
                font = piece_font
            texts.append(text)
    if texts:
        runs.append(("".join(texts), font))
    return runs


def _merged(runs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Neighbouring runs in the same font joined."""
    merged: list[tuple[str, str]] = []
    for text, font in runs:
        if merged and merged[-1][1] == font:
            merged[-1] = (merged[-1][0] + text, font)
        else:
            merged.append((text, font))
    return merged
