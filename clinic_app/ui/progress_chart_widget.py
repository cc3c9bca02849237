"""A progress chart painted with QPainter: the MCID band, a line per measure, the visits.

QPainter rather than QtCharts: QtCharts needs PySide6-Addons (about 100 MB more) for a
few short lines and one band, which a small widget draws as well and stays testable
(``chart`` is the domain's ``ProgressChart``; the widget only maps it to pixels).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from clinic_app.domain.episode.chart import ProgressChart

LINE_COLOURS = (QColor("#1f4e79"), QColor("#c0504d"))
BAND_COLOUR = QColor(76, 166, 89, 60)
MARGINS = (44, 28, 16, 30)  # left, top, right, bottom


class ProgressChartWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.chart: ProgressChart | None = None

    def set_chart(self, chart: ProgressChart | None) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title if chart else "No chart")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 260)

    def plot_area(self) -> QRectF:
        left, top, right, bottom = MARGINS
        return QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

    def to_pixels(self, day: float, value: float) -> QPointF:
        assert self.chart is not None
        area = self.plot_area()
        span_days = max((self.chart.dates[-1] - self.chart.dates[0]).days, 1)
        x = area.left() + area.width() * day / span_days
        share = (value - self.chart.low) / (self.chart.high - self.chart.low)
        return QPointF(x, area.bottom() - area.height() * share)

    def band_rect(self) -> QRectF | None:
        """The MCID band in pixels (for the painter and for tests)."""
        if self.chart is None or self.chart.band is None:
            return None
        area = self.plot_area()
        top = self.to_pixels(0, self.chart.band.high).y()
        bottom = self.to_pixels(0, self.chart.band.low).y()
        return QRectF(area.left(), top, area.width(), bottom - top)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        chart = self.chart
        if chart is None or chart.empty:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Nothing recorded yet")
            return
        area = self.plot_area()
        band = self.band_rect()
        if band is not None:
            painter.fillRect(band, BAND_COLOUR)
        painter.setPen(QPen(self.palette().text().color(), 1))
        painter.drawRect(area)
        painter.drawText(QRectF(0, 4, self.width(), 20), Qt.AlignmentFlag.AlignHCenter,
                         chart.title)
        for value in (chart.low, (chart.low + chart.high) / 2, chart.high):
            point = self.to_pixels(0, value)
            painter.drawText(QRectF(0, point.y() - 8, MARGINS[0] - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{value:g}")
        start = chart.dates[0]
        for on in chart.dates:
            point = self.to_pixels((on - start).days, chart.low)
            painter.drawText(QRectF(point.x() - 30, area.bottom() + 4, 60, 16),
                             Qt.AlignmentFlag.AlignHCenter, f"wk {(on - start).days / 7:.0f}")
        for index, line in enumerate(chart.lines):
            colour = LINE_COLOURS[index % len(LINE_COLOURS)]
            points = [self.to_pixels((on - start).days, value) for on, value in line.points]
            if not points:
                continue
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.setPen(QPen(colour, 2))
            painter.drawPath(path)
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, 3.5, 3.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawText(QRectF(area.left() + 6, area.top() + 4 + 16 * index, area.width(),
                                    16), Qt.AlignmentFlag.AlignLeft, line.label)
        painter.end()
