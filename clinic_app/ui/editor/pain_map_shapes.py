"""Geometry of the knee diagram, in a fixed canvas of ``CANVAS_WIDTH`` x ``CANVAS_HEIGHT``.

The main drawing is a right knee seen from the front, so the patient's lateral side is on
the viewer's left; ``knee_transform(mirrored=True)`` turns it into a left knee. The insets
on the right (posterior knee, thigh, groin/hip, diffuse) are never mirrored.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QTransform

from clinic_app.domain.history import PainRegion

CANVAS_WIDTH = 430.0
CANVAS_HEIGHT = 340.0
KNEE_WIDTH = 260.0  # the main drawing occupies x in [0, KNEE_WIDTH]
MIDLINE = KNEE_WIDTH / 2
PATELLA = QRectF(MIDLINE - 30, 100, 60, 78)


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(cx, cy), rx, ry)
    return path


def _rect(x: float, y: float, width: float, height: float, radius: float = 5) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, width, height), radius, radius)
    return path


def _peripatellar(lateral: bool) -> QPainterPath:
    ring = _ellipse(MIDLINE, 139, 50, 52).subtracted(_ellipse(MIDLINE, 139, 30, 39))
    half = QPainterPath()
    half.addRect(QRectF(MIDLINE - 60 if lateral else MIDLINE + 6, 80, 54, 120))
    return ring.intersected(half)


def leg_outline() -> QPainterPath:
    """Thigh, knee and upper shin of a right leg seen from the front."""
    path = QPainterPath(QPointF(64, 8))
    path.cubicTo(QPointF(52, 70), QPointF(36, 130), QPointF(42, 182))
    path.cubicTo(QPointF(46, 205), QPointF(62, 214), QPointF(68, 232))
    path.cubicTo(QPointF(76, 270), QPointF(80, 300), QPointF(84, 334))
    path.lineTo(QPointF(KNEE_WIDTH - 84, 334))
    path.cubicTo(QPointF(KNEE_WIDTH - 80, 300), QPointF(KNEE_WIDTH - 76, 270),
                 QPointF(KNEE_WIDTH - 68, 232))
    path.cubicTo(QPointF(KNEE_WIDTH - 62, 214), QPointF(KNEE_WIDTH - 46, 205),
                 QPointF(KNEE_WIDTH - 42, 182))
    path.cubicTo(QPointF(KNEE_WIDTH - 36, 130), QPointF(KNEE_WIDTH - 52, 70),
                 QPointF(KNEE_WIDTH - 64, 8))
    return path


def landmarks() -> dict[str, QPainterPath]:
    """Anatomy drawn for orientation only (not clickable by themselves)."""
    joint_line = QPainterPath(QPointF(44, 205))
    joint_line.cubicTo(QPointF(90, 214), QPointF(170, 214), QPointF(KNEE_WIDTH - 44, 205))
    tendon = _rect(MIDLINE - 11, 180, 22, 66, 8)
    return {
        "patella": _ellipse(MIDLINE, 139, 30, 39),
        "tendon": tendon,
        "joint_line": joint_line,
        "lateral_epicondyle": _ellipse(58, 160, 10, 10),
        "medial_epicondyle": _ellipse(KNEE_WIDTH - 58, 160, 10, 10),
        "tubercle": _ellipse(MIDLINE, 250, 14, 9),
    }


def knee_regions() -> dict[PainRegion, QPainterPath]:
    return {
        PainRegion.TIBIAL_TUBERCLE: _ellipse(MIDLINE, 250, 16, 11),
        PainRegion.INFERIOR_POLE: _ellipse(MIDLINE, 180, 15, 8),
        PainRegion.SUPERIOR_POLE: _ellipse(MIDLINE, 99, 25, 10),
        PainRegion.PATELLAR_TENDON: _rect(MIDLINE - 11, 188, 22, 50, 6),
        PainRegion.RETROPATELLAR: _ellipse(MIDLINE, 139, 30, 39),
        PainRegion.PERIPATELLAR_LATERAL: _peripatellar(lateral=True),
        PainRegion.PERIPATELLAR_MEDIAL: _peripatellar(lateral=False),
        PainRegion.LATERAL_FEMORAL_EPICONDYLE: _ellipse(58, 160, 13, 13),
        PainRegion.LATERAL_JOINT_LINE: _rect(42, 199, 56, 15, 6),
        PainRegion.MEDIAL_JOINT_LINE: _rect(KNEE_WIDTH - 98, 199, 56, 15, 6),
    }


@dataclass(frozen=True)
class Inset:
    region: PainRegion
    caption: str
    box: QRectF


INSET_LEFT = KNEE_WIDTH + 22
INSET_WIDTH = CANVAS_WIDTH - INSET_LEFT - 4
INSET_HEIGHT = 76
INSETS: tuple[Inset, ...] = tuple(
    Inset(region, caption, QRectF(INSET_LEFT, 4 + index * (INSET_HEIGHT + 8), INSET_WIDTH,
                                  INSET_HEIGHT))
    for index, (region, caption) in enumerate(
        (
            (PainRegion.POSTERIOR_KNEE, "Posterior knee"),
            (PainRegion.THIGH, "Thigh"),
            (PainRegion.GROIN_OR_HIP, "Groin / hip"),
            (PainRegion.DIFFUSE, "Diffuse"),
        )
    )
)


def inset_regions() -> dict[PainRegion, QPainterPath]:
    regions = {}
    for inset in INSETS:
        path = QPainterPath()
        path.addRoundedRect(inset.box, 8, 8)
        regions[inset.region] = path
    return regions


def knee_transform(mirrored: bool) -> QTransform:
    return QTransform(-1, 0, 0, 1, KNEE_WIDTH, 0) if mirrored else QTransform()


def all_regions(mirrored: bool) -> dict[PainRegion, QPainterPath]:
    """Every clickable region in canvas coordinates, smallest first (the order of hit tests)."""
    transform = knee_transform(mirrored)
    regions = {region: transform.map(path) for region, path in knee_regions().items()}
    regions.update(inset_regions())
    return regions


# Keyboard order: down the front of the knee, then across, then the insets.
KEYBOARD_ORDER: tuple[PainRegion, ...] = (
    PainRegion.SUPERIOR_POLE,
    PainRegion.RETROPATELLAR,
    PainRegion.PERIPATELLAR_LATERAL,
    PainRegion.PERIPATELLAR_MEDIAL,
    PainRegion.INFERIOR_POLE,
    PainRegion.PATELLAR_TENDON,
    PainRegion.TIBIAL_TUBERCLE,
    PainRegion.LATERAL_FEMORAL_EPICONDYLE,
    PainRegion.LATERAL_JOINT_LINE,
    PainRegion.MEDIAL_JOINT_LINE,
    PainRegion.POSTERIOR_KNEE,
    PainRegion.THIGH,
    PainRegion.GROIN_OR_HIP,
    PainRegion.DIFFUSE,
)
