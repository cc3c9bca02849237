"""A progress chart as a ReportLab drawing: the MCID band, a line per measure, the visits.

Drawn with reportlab.graphics (a LinePlot over days since the baseline); the band is a
translucent rectangle behind the lines, from the baseline minus to plus the MCID.
"""

from __future__ import annotations

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from clinic_app.domain.episode.chart import ProgressChart
from clinic_app.reports.fonts import BOLD, register_fonts
from clinic_app.reports.page import INK, MUTED

LINE_COLOURS = (colors.HexColor("#1f4e79"), colors.HexColor("#c0504d"))
BAND_FILL = colors.Color(0.30, 0.65, 0.35, alpha=0.18)


def chart_drawing(chart: ProgressChart, width: float, height: float) -> Drawing:
    font = register_fonts()
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 34, 30
    plot.width, plot.height = width - 44, height - 62
    start = chart.dates[0]
    days = [(on - start).days for on in chart.dates]
    data = [[((on - start).days, value) for on, value in line.points] for line in chart.lines]
    drawn = [index for index, points in enumerate(data) if points]
    plot.data = [data[index] for index in drawn]
    plot.xValueAxis.valueMin = 0
    plot.xValueAxis.valueMax = max(max(days), 1)
    plot.xValueAxis.valueSteps = sorted(set(days))
    plot.xValueAxis.labelTextFormat = lambda day: f"wk {day / 7:.0f}"
    plot.yValueAxis.valueMin = chart.low
    plot.yValueAxis.valueMax = chart.high
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7
        axis.labels.fillColor = INK
    for position, index in enumerate(drawn):
        plot.lines[position].strokeColor = LINE_COLOURS[index % len(LINE_COLOURS)]
        plot.lines[position].strokeWidth = 1.6
        plot.lines[position].symbol = makeMarker("FilledCircle", size=4)
    if chart.band is not None:
        y_scale = plot.height / (chart.high - chart.low)
        low = plot.y + (chart.band.low - chart.low) * y_scale
        drawing.add(Rect(plot.x, low, plot.width, (chart.band.high - chart.band.low) * y_scale,
                         fillColor=BAND_FILL, strokeColor=None))
    drawing.add(plot)
    drawing.add(String(plot.x, height - 12, chart.title, fontName=BOLD, fontSize=8.5,
                       fillColor=INK))
    legend = Legend()
    legend.x, legend.y = plot.x, height - 20
    legend.fontName, legend.fontSize = font, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.boxAnchor = "nw"
    legend.dx = legend.dy = 6
    legend.colorNamePairs = [
        (LINE_COLOURS[index % len(LINE_COLOURS)], chart.lines[index].label) for index in drawn
    ] + ([(BAND_FILL, "MCID band")] if chart.band is not None else [])
    drawing.add(legend)
    drawing.add(String(plot.x + plot.width, 4, "weeks since the first visit", fontName=font,
                       fontSize=6.5, fillColor=MUTED, textAnchor="end"))
    return drawing
