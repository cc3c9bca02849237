"""The tick-box log on an exercise card: a row per week, a box per day.

Drawn straight on the canvas: as a Table it cost a cell object, a style lookup and a
text object per empty box, a large share of the plan's build time.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from clinic_app.reports.fonts import BOLD, REGULAR

LABEL_WIDTH = 10 * mm
BOX = 6 * mm
HEADER_HEIGHT = 4.5 * mm
ROW_HEIGHT = 5 * mm
FONT_SIZE = 8
LABEL_INSET = 1  # points between the week label and the left edge


class TickLog(Flowable):
    def __init__(self, days: Sequence[str], weeks: int, line_colour: colors.Color) -> None:
        super().__init__()
        self.days = tuple(days)
        self.weeks = weeks
        self.line_colour = line_colour
        self.width = LABEL_WIDTH + BOX * len(self.days)
        self.height = HEADER_HEIGHT + ROW_HEIGHT * weeks
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        grid_top = top - HEADER_HEIGHT
        labels = canvas.beginText()  # one text object for every label
        labels.setFont(BOLD, FONT_SIZE)
        day_baseline = _baseline(grid_top, HEADER_HEIGHT)
        for index, day in enumerate(self.days):
            centre = LABEL_WIDTH + BOX * (index + 0.5)
            labels.setTextOrigin(centre - stringWidth(day, BOLD, FONT_SIZE) / 2, day_baseline)
            labels.textOut(day)
        labels.setFont(REGULAR, FONT_SIZE)
        for week in range(1, self.weeks + 1):
            labels.setTextOrigin(LABEL_INSET, _baseline(grid_top - ROW_HEIGHT * week, ROW_HEIGHT))
            labels.textOut(f"Wk {week}")
        canvas.drawText(labels)
        canvas.setStrokeColor(self.line_colour)
        canvas.setLineWidth(0.8)
        xs = [LABEL_WIDTH + BOX * index for index in range(len(self.days) + 1)]
        ys = [grid_top - ROW_HEIGHT * week for week in range(self.weeks + 1)]
        canvas.grid(xs, ys)


def _baseline(row_bottom: float, row_height: float) -> float:
    """A one-line label centred in its row the way a Table centres it (leading 1.2 x size)."""
    return row_bottom + (row_height + 1.2 * FONT_SIZE) / 2 - FONT_SIZE
