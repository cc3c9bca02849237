"""The normal exam form as a simulated patient: each finding shows only once asked.

The section pages are the editor's own (``SectionPage``), shown read-only; an *Ask* (history
and outcomes) or *Test* button beside each row asks the patient for that finding.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.fields import get_value
from clinic_app.domain.practice.findings import finding_key, is_question
from clinic_app.ui.editor.section_navigator import SECTION_TITLES, SectionNavigator
from clinic_app.ui.editor.section_page import SectionPage


class PracticeExamView(QWidget):
    findingRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: dict[str, SectionPage] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.navigator = SectionNavigator(SECTION_TITLES, self)
        self.stack = QStackedWidget(self)
        for section in EXAM_SECTIONS:
            page = SectionPage(section, SECTION_TITLES[section])
            for widget in page.fields.values():
                widget.set_read_only(True)
                self._add_button(widget, finding_key(widget.spec.path))
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            self.pages[section] = page
        self.navigator.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigator.fit_width()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigator)
        layout.addWidget(self.stack, 1)

    def _add_button(self, widget: QWidget, key: str) -> None:
        if key in self.buttons:
            return  # one button per row: the left field placed it
        box = widget.parentWidget()
        grid = box.layout()
        assert isinstance(grid, QGridLayout)
        row, _column, _rows, _columns = grid.getItemPosition(grid.indexOf(widget))
        button = QPushButton("Ask" if is_question(key) else "Test", box)
        button.setObjectName(f"ask:{key}")
        button.setToolTip("Ask the patient" if is_question(key) else "Perform this test")
        button.clicked.connect(lambda: self.findingRequested.emit(key))
        grid.addWidget(button, row, 3)
        self.buttons[key] = button

    def show_section(self, section: str) -> None:
        self.navigator.setCurrentRow(EXAM_SECTIONS.index(section))

    def show_revealed(self, shown: Assessment, asked: set[str]) -> None:
        for page in self.pages.values():
            for path, widget in page.fields.items():
                key = finding_key(path)
                if key in asked:
                    widget.set_value(get_value(shown, path))
            page.refresh_readouts(shown)
        for key, button in self.buttons.items():
            if key in asked:
                button.setEnabled(False)
                button.setText("Asked" if is_question(key) else "Done")
