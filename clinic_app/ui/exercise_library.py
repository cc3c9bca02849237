"""The exercise library and its pictures for the GUI, read once through the resource locator."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from clinic_app.domain.rehab.library import Exercise, ExerciseLibrary, parse_library
from clinic_app.resources import resource

ICON_SIZE = QSize(96, 72)  # the library's 4:3 canvas


@cache
def exercise_library() -> ExerciseLibrary:
    return parse_library(resource("exercises", "library.toml").read_text(encoding="utf-8"))


def illustration_path(exercise: Exercise) -> Path:
    return resource("exercises", exercise.illustration)


def illustration_pixmap(exercise: Exercise, size: QSize = ICON_SIZE) -> QPixmap:
    """The SVG drawn at ``size``; a blank picture if the file is missing or unreadable."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.white)
    renderer = QSvgRenderer(str(illustration_path(exercise)))
    if renderer.isValid():
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
    return pixmap


@cache
def illustration_icon(exercise_id: str) -> QIcon:
    return QIcon(illustration_pixmap(exercise_library().get(exercise_id)))
