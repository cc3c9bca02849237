"""A Table that lays itself out once per width.

Platypus asks a table for its size more than once at the same width: the heading
keeper measures it (``keep``), then the frame places it, and an enclosing table asks
again when it is measured and when it is drawn. A table's layout depends only on the
width (ReportLab's ``_calc`` ignores the height offered), so a repeat answer is the same.
``split`` lays the table out afresh, as before.
"""

from __future__ import annotations

from reportlab.platypus import Table


class Grid(Table):
    _laid_out_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._laid_out_width:
            return self._width, self._height
        size = super().wrap(availWidth, availHeight)
        self._laid_out_width = availWidth
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Table]:
        self._laid_out_width = None  # splitting recalculates the layout
        return super().split(availWidth, availHeight)
