"""Exercise illustrations: the library's SVGs drawn into the PDF through svglib.

Parsing an SVG costs more than drawing it, so each file is parsed once per process
and version (its modification time) and the Drawing reused: drawing it only reads it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable
from svglib.svglib import svg2rlg


def _load(path: Path) -> Drawing | None:
    try:
        modified = path.stat().st_mtime_ns
    except OSError:
        return None
    return _parse(path, modified)


@lru_cache(maxsize=64)
def _parse(path: Path, modified: int) -> Drawing | None:
    """``modified`` only keys the cache: an edited file is parsed again."""
    return svg2rlg(str(path)) if path.is_file() else None


class Illustration(Flowable):
    """An SVG scaled to ``width`` (keeping its aspect); an empty frame if the file is missing."""

    def __init__(self, path: Path, width: float) -> None:
        super().__init__()
        self.drawing = _load(path)
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
        canvas.saveState()
        canvas.scale(scale, scale)
        renderPDF.draw(self.drawing, canvas, 0, 0)
        canvas.restoreState()
