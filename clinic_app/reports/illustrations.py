"""Exercise illustrations: the library's SVGs drawn into the PDF through svglib.

Parsing an SVG costs more than drawing it, so each file is parsed once per process
and version (its modification time) and the Drawing reused: drawing it only reads it.
Drawing it is pure too (the same page-content operators for the same file and size, and
the pictures use no fonts or other document resources), so those operators are also
kept and copied into each page that shows the picture.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from svglib.svglib import svg2rlg


def _version(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _load(path: Path) -> Drawing | None:
    modified = _version(path)
    return None if modified is None else _parse(path, modified)


@dataclass(frozen=True)
class _Operators:
    """A picture's page operators, and the fonts they name (by the scratch document's
    internal names, replaced by the real document's when copied)."""

    code: str
    fonts: tuple[tuple[str, str], ...]  # (font name, internal name in ``code``)

    def copy_into(self, canvas: Canvas) -> None:
        code = self.code
        for font, scratch_name in self.fonts:
            name = canvas._doc.getInternalFontName(font)  # registers it, as drawing would
            if name != scratch_name:
                code = code.replace(f"{scratch_name} ", f"{name} ")
        canvas._code.append(code)


@lru_cache(maxsize=256)
def _operators(path: Path, modified: int, scale: float) -> _Operators | None:
    """The page operators drawing the picture at ``scale``; None when they cannot be
    copied (they would need other document resources): then it is drawn each time."""
    drawing = _parse(path, modified)
    if drawing is None:
        return None
    scratch = Canvas(io.BytesIO())
    objects, states = len(scratch._doc.idToObject), len(scratch._extgstate._d)
    start = len(scratch._code)
    _draw(scratch, drawing, scale)
    if (len(scratch._doc.idToObject), len(scratch._extgstate._d)) != (objects, states):
        return None
    code = "\n".join(scratch._code[start:])
    fonts = tuple(
        (font, name) for font, name in scratch._doc.fontMapping.items()
        if f"{name} " in code
    )
    return _Operators(code, fonts)


def _draw(canvas: Canvas, drawing: Drawing, scale: float) -> None:
    canvas.saveState()
    canvas.scale(scale, scale)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()


@lru_cache(maxsize=64)
def _parse(path: Path, modified: int) -> Drawing | None:
    """``modified`` only keys the cache: an edited file is parsed again."""
    return svg2rlg(str(path)) if path.is_file() else None


class Illustration(Flowable):
    """An SVG scaled to ``width`` (keeping its aspect); an empty frame if the file is missing."""

    def __init__(self, path: Path, width: float) -> None:
        super().__init__()
        self.path = path
        self.modified = _version(path)
        self.drawing = None if self.modified is None else _parse(path, self.modified)
        self.target_width = width
        ratio = (self.drawing.height / self.drawing.width) if self.drawing else 0.75
        self.target_height = width * ratio

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.target_width, self.target_height

    def draw(self) -> None:
        canvas = self.canv
        if self.drawing is None:
            canvas.rect(0, 0, self.target_width, self.target_height)
            return
        scale = self.target_width / self.drawing.width
        operators = None if self.modified is None else _operators(
            self.path, self.modified, scale
        )
        if operators is None:
            _draw(canvas, self.drawing, scale)
        else:
            operators.copy_into(canvas)  # what _draw would append: kept, not recomputed
