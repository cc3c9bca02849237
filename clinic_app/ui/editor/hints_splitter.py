"""The editor's work area beside the decision-support panel.

The panel gets a share of the width (the exam form keeps the most), fitted once when the
editor is first shown; after that the clinician's splitter drags count. Dragged to nothing,
or hidden from the View menu, it collapses.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QWidget

HINTS_PANEL_WIDTH = 400  # on a wide screen; a laptop's editor gives it a share
HINTS_PANEL_MIN_WIDTH = 280
HINTS_PANEL_SHARE = 0.3


def hints_panel_width(total: int) -> int:
    """The hints panel's share of ``total`` editor width: the exam form keeps the most."""
    wanted = max(HINTS_PANEL_MIN_WIDTH, int(total * HINTS_PANEL_SHARE))
    return min(HINTS_PANEL_WIDTH, wanted, total // 2)


class HintsSplitter(QSplitter):
    def __init__(self, work: QWidget, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("hintsSplitter")
        self._fitted = False
        self.addWidget(work)
        self.addWidget(panel)
        self.setStretchFactor(0, 1)
        self.setCollapsible(0, False)
        self.setCollapsible(1, True)  # drag the panel away, or use the View menu
        self.setSizes([900, HINTS_PANEL_WIDTH])

    @property
    def panel_visible(self) -> bool:
        return self.sizes()[1] > 0

    def set_panel_visible(self, visible: bool) -> None:
        total = sum(self.sizes()) or self.width()
        panel = hints_panel_width(total) if visible else 0
        self.setSizes([total - panel, panel])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True  # later the clinician's splitter drags count
            QTimer.singleShot(0, self, self._fit_panel)  # once the layout has its width

    def _fit_panel(self) -> None:
        if self.panel_visible:
            self.set_panel_visible(True)
