"""A knee diagram, drawn with QPainter, whose regions are clicked to mark where it hurts.

Keyboard: arrow keys move between regions, Space or Enter toggles the current one.
The diagram only *reports* toggles; the owner decides the new selection and sets it back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from clinic_app.domain.history import PainRegion
from clinic_app.ui.editor.pain_map_shapes import (
    CANVAS_HEIGHT,
    CANVAS_WIDTH,
    INSETS,
    KEYBOARD_ORDER,
    KNEE_WIDTH,
    all_regions,
    knee_transform,
    landmarks,
    leg_outline,
)

SKIN = QColor("#f6e4d4")
OUTLINE = QColor("#7a5c4a")
BONE = QColor("#fffaf0")
SELECTED = QColor(211, 47, 47, 150)
HOVER = QColor("#1565c0")
MUTED_TEXT = QColor("#5f5f5f")
MIN_WIDTH = 220  # half size: the regions stay large enough to click


class PainMapWidget(QWidget):
    regionToggled = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(MIN_WIDTH, round(MIN_WIDTH * CANVAS_HEIGHT / CANVAS_WIDTH))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # the drawing scales down on a narrow screen
        self.setSizePolicy(policy)
        self.setAccessibleName("Pain map diagram")
        self._selection: frozenset[str] | None = None
        self._mirrored = False
        self._regions = all_regions(mirrored=False)
        self._hover: PainRegion | None = None
        self._current = 0
        self._update_description()

    # -- state ------------------------------------------------------------------------
    def set_selection(self, codes: frozenset[str] | set[str] | None) -> None:
        self._selection = None if codes is None else frozenset(codes)
        self._update_description()
        self.update()

    def selection(self) -> frozenset[str] | None:
        return self._selection

    def set_mirrored(self, mirrored: bool) -> None:
        """Draw a left knee (lateral side on the viewer's right) instead of a right knee."""
        if mirrored != self._mirrored:
            self._mirrored = mirrored
            self._regions = all_regions(mirrored)
            self.update()

    def is_mirrored(self) -> bool:
        return self._mirrored

    def current_region(self) -> PainRegion:
        return KEYBOARD_ORDER[self._current]

    # -- geometry ---------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(int(CANVAS_WIDTH), int(CANVAS_HEIGHT))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return min(int(CANVAS_HEIGHT), round(width * CANVAS_HEIGHT / CANVAS_WIDTH))

    def _canvas_transform(self) -> QTransform:
        scale = min(self.width() / CANVAS_WIDTH, self.height() / CANVAS_HEIGHT)
        dx = (self.width() - CANVAS_WIDTH * scale) / 2
        dy = (self.height() - CANVAS_HEIGHT * scale) / 2
        return QTransform(scale, 0, 0, scale, dx, dy)

    def region_at(self, point: QPointF) -> PainRegion | None:
        inverse, invertible = self._canvas_transform().inverted()
        if not invertible:
            return None
        canvas_point = inverse.map(point)
        return next(
            (region for region, path in self._regions.items() if path.contains(canvas_point)),
            None,
        )

    def region_center(self, region: PainRegion) -> QPoint:
        """A point inside ``region`` in widget coordinates (where a user would click)."""
        path = self._regions[region]
        center = path.boundingRect().center()
        if not path.contains(center):  # crescents: take a point on their thick part
            box = path.boundingRect()
            center = QPointF(box.left() + box.width() * 0.3, box.center().y())
            if not path.contains(center):
                center = QPointF(box.right() - box.width() * 0.3, box.center().y())
        return self._canvas_transform().map(center).toPoint()

    # -- input ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        region = self.region_at(event.position())
        if region is not None:
            self._current = KEYBOARD_ORDER.index(region)
            self.regionToggled.emit(region.value)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        region = self.region_at(event.position())
        if region != self._hover:
            self._hover = region
            shape = Qt.CursorShape.PointingHandCursor if region else Qt.CursorShape.ArrowCursor
            self.setCursor(shape)
            self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._current = (self._current + 1) % len(KEYBOARD_ORDER)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._current = (self._current - 1) % len(KEYBOARD_ORDER)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.regionToggled.emit(self.current_region().value)
        else:
            return super().keyPressEvent(event)
        self._update_description()
        self.update()
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            region = self.region_at(QPointF(event.pos()))  # type: ignore[attr-defined]
            if region is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), region.label, self)  # type: ignore[attr-defined]
            return True
        return super().event(event)

    def _update_description(self) -> None:
        if self._selection is None:
            chosen = "not assessed"
        elif not self._selection:
            chosen = "no pain regions"
        else:
            chosen = ", ".join(PainRegion(code).label for code in sorted(self._selection))
        self.setAccessibleDescription(
            f"Selected: {chosen}. Current region: {self.current_region().label}. "
            "Arrow keys move, Space toggles."
        )

    # -- drawing ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(self._canvas_transform())
        self._draw_knee(painter)
        self._draw_insets(painter)
        self._draw_regions(painter)
        self._draw_captions(painter)
        painter.end()

    def _draw_knee(self, painter: QPainter) -> None:
        painter.save()
        painter.setTransform(knee_transform(self._mirrored), combine=True)
        painter.setPen(QPen(OUTLINE, 1.6))
        painter.setBrush(SKIN)
        painter.drawPath(leg_outline())
        marks = landmarks()
        painter.setBrush(QColor("#ecd0b8"))
        painter.setPen(QPen(OUTLINE, 1))
        painter.drawPath(marks["tendon"])
        painter.drawPath(marks["tubercle"])
        painter.setBrush(BONE)
        painter.setPen(QPen(OUTLINE, 1.6))
        painter.drawPath(marks["patella"])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(OUTLINE, 1.2, Qt.PenStyle.DashLine))
        painter.drawPath(marks["joint_line"])
        painter.setPen(QPen(OUTLINE, 1, Qt.PenStyle.DotLine))
        painter.drawPath(marks["lateral_epicondyle"])
        painter.drawPath(marks["medial_epicondyle"])
        painter.restore()

    def _draw_insets(self, painter: QPainter) -> None:
        small_leg = leg_outline()
        for inset in INSETS:
            painter.setPen(QPen(OUTLINE, 1))
            painter.setBrush(QColor("#fbf7f3"))
            painter.drawRoundedRect(inset.box, 8, 8)
            sketch = QRectF(inset.box.left() + 6, inset.box.top() + 5, 34, inset.box.height() - 10)
            scale = sketch.height() / CANVAS_HEIGHT
            painter.save()
            painter.translate(sketch.left(), sketch.top())
            painter.scale(scale, scale)
            painter.setBrush(SKIN)
            painter.setPen(QPen(OUTLINE, 1.5 / scale))
            painter.drawPath(small_leg)
            painter.setPen(QPen(OUTLINE, 1.2 / scale, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_inset_mark(inset.region))
            painter.restore()
            painter.setPen(QColor("#222222"))
            text_box = inset.box.adjusted(46, 0, -4, 0)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                             inset.caption)

    def _draw_regions(self, painter: QPainter) -> None:
        selected = self._selection or frozenset()
        for region, path in reversed(self._regions.items()):
            if region.value in selected:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(SELECTED)
                painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._hover is not None:
            painter.setPen(QPen(HOVER, 1.5))
            painter.drawPath(self._regions[self._hover])
        if self.hasFocus():
            painter.setPen(QPen(HOVER, 2.2, Qt.PenStyle.DashLine))
            painter.drawPath(self._regions[self.current_region()])

    def _draw_captions(self, painter: QPainter) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        painter.setFont(font)
        painter.setPen(MUTED_TEXT)
        knee = "Left knee, front" if self._mirrored else "Right knee, front"
        painter.drawText(QRectF(0, 0, KNEE_WIDTH, 18), Qt.AlignmentFlag.AlignHCenter, knee)
        lateral_left = not self._mirrored
        sides = (("Lateral", "Medial") if lateral_left else ("Medial", "Lateral"))
        painter.drawText(QRectF(0, CANVAS_HEIGHT - 40, 70, 18), Qt.AlignmentFlag.AlignLeft,
                         sides[0])
        painter.drawText(QRectF(KNEE_WIDTH - 70, CANVAS_HEIGHT - 40, 70, 18),
                         Qt.AlignmentFlag.AlignRight, sides[1])
        if self._selection is None:
            painter.setPen(QColor("#8a4b00"))
            painter.drawText(QRectF(0, CANVAS_HEIGHT - 18, KNEE_WIDTH, 18),
                             Qt.AlignmentFlag.AlignHCenter, "Not assessed")


def _inset_mark(region: PainRegion) -> QPainterPath:
    """Where on the small leg sketch each inset points (canvas coordinates of the leg)."""
    path = QPainterPath()
    if region is PainRegion.POSTERIOR_KNEE:
        path.moveTo(130, 150)
        path.lineTo(170, 200)
        path.lineTo(130, 250)
        path.lineTo(90, 200)
        path.closeSubpath()
    elif region is PainRegion.THIGH:
        path.addRoundedRect(QRectF(70, 20, 120, 110), 20, 20)
    elif region is PainRegion.GROIN_OR_HIP:
        path.addEllipse(QPointF(130, 20), 70, 26)
    else:
        path.addEllipse(QPointF(130, 160), 95, 95)
    return path
