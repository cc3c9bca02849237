"""The guided exam: the red-flag checklist with one "all negative" action, then the
findings that can still change the conclusion (most decisive first) with "screen
negative" per section, then the Kujala score.

It shows the same findings as the full form with widgets of its own; the editor connects
them like the full form's and keeps both in step with the session.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import FieldSpec, Path, get_value, spec_index
from clinic_app.domain.guided_exam import PARENT_OF, WantedFinding, asked, red_flag_checklist
from clinic_app.ui.editor.fields.base import FieldWidget
from clinic_app.ui.editor.section_navigator import SECTION_TITLES

MAX_WANTED = 12  # a screenful: the rest follow as these are answered
LABEL_WIDTH = 200  # at most: labels wrap and narrow to leave the inputs their room
LABEL_MIN_WIDTH = 110
KUJALA = ("outcomes", "kujala")

# Creates the widget of a finding and connects it to the editor.
FieldMaker = Callable[[FieldSpec, QWidget], FieldWidget]


def _title(spec: FieldSpec) -> str:
    side = f" ({spec.side})" if spec.side else ""
    group = f"{spec.group_titles[-1]}: " if len(spec.group_titles) > 1 else ""
    return f"{group}{spec.title}{side}"


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text.replace("&", "&&"), parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setMinimumWidth(LABEL_MIN_WIDTH)
    label.setMaximumWidth(LABEL_WIDTH)
    return label


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.3)
    label.setFont(font)
    return label


class FindingRow(QWidget):
    """One finding: its title, its input and, below the title, a short note."""

    def __init__(self, spec: FieldSpec, make: FieldMaker, parent: QWidget, note: str = "") -> None:
        super().__init__(parent)
        self.path = spec.path
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout()
        column.setSpacing(0)
        self.label = _plain_label(_title(spec), self)
        column.addWidget(self.label)
        self.note = QLabel(note, self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(LABEL_MIN_WIDTH)
        self.note.setMaximumWidth(LABEL_WIDTH)
        self.note.setStyleSheet("color: #666666;")
        self.note.setVisible(bool(note))
        column.addWidget(self.note)
        layout.addLayout(column, 3)
        self.field = make(spec, self)
        self.label.setBuddy(self.field)
        layout.addWidget(self.field, 2, Qt.AlignmentFlag.AlignTop)


class GuidedExamPage(QWidget):
    allNegativeRequested = Signal()
    screenNegativeRequested = Signal(str)  # exam section

    def __init__(self, make_field: FieldMaker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidedExamPage")
        self._make_field = make_field
        self.fields: dict[Path, FieldWidget] = {}
        self._wanted_rows: dict[Path, FindingRow] = {}
        self._screen_sections: list[str] = []
        specs = spec_index(Assessment)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading("Guided exam", self))
        layout.addWidget(self._red_flag_box(specs))
        layout.addWidget(self._wanted_box())
        layout.addWidget(self._kujala_box(specs))
        layout.addStretch(1)

    # -- construction ----------------------------------------------------------------------
    def _red_flag_box(self, specs: dict[Path, FieldSpec]) -> QGroupBox:
        box = QGroupBox("1. Red-flag screen", self)
        box.setObjectName("redFlagScreen")
        outer = QVBoxLayout(box)
        top = QHBoxLayout()
        self.red_flag_status = QLabel(box)
        self.red_flag_status.setObjectName("redFlagStatus")
        self.red_flag_status.setTextFormat(Qt.TextFormat.PlainText)
        self.red_flag_status.setWordWrap(True)
        self.all_negative = QPushButton("All negative", box)
        self.all_negative.setObjectName("redFlagsAllNegative")
        self.all_negative.setToolTip(
            "Records every item still not assessed as negative, one by one (one undo step)"
        )
        self.all_negative.clicked.connect(self.allNegativeRequested)
        top.addWidget(self.red_flag_status, 1)
        top.addWidget(self.all_negative, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.red_flag_rows: dict[Path, FindingRow] = {}
        for index, path in enumerate(red_flag_checklist()):
            row = FindingRow(specs[path], self._field, box)
            self.red_flag_rows[path] = row
            grid.addWidget(row, index // 2, index % 2)
        outer.addLayout(grid)
        return box

    def _wanted_box(self) -> QGroupBox:
        box = QGroupBox("2. Findings that can still change the conclusion", self)
        box.setObjectName("wantedFindings")
        outer = QVBoxLayout(box)
        intro = QLabel(
            "Most decisive first: asked by the most urgent rules still waiting for them. "
            "Record what you find, then screen the rest of a section negative.", box
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.screen_buttons = QGridLayout()
        outer.addLayout(self.screen_buttons)
        self.wanted_layout = QVBoxLayout()
        outer.addLayout(self.wanted_layout)
        self.nothing_wanted = QLabel("Nothing the rules wait for: the conclusion is settled.", box)
        self.nothing_wanted.setObjectName("nothingWanted")
        outer.addWidget(self.nothing_wanted)
        return box

    def _kujala_box(self, specs: dict[Path, FieldSpec]) -> QGroupBox:
        box = QGroupBox("3. Kujala anterior knee pain scale", self)
        box.setObjectName("guidedKujala")
        grid = QGridLayout(box)
        paths = [path for path in specs if path[: len(KUJALA)] == KUJALA]
        for index, path in enumerate(paths):
            grid.addWidget(FindingRow(specs[path], self._field, box), index // 2, index % 2)
        return box

    def _field(self, spec: FieldSpec, parent: QWidget) -> FieldWidget:
        widget = self._make_field(spec, parent)
        self.fields[spec.path] = widget
        return widget

    # -- showing the state ------------------------------------------------------------------
    def show_document(self, document: Assessment) -> None:
        """Follow-ups only after their parent's yes; the checklist's count."""
        checklist = red_flag_checklist()
        for path, row in self.red_flag_rows.items():
            row.setVisible(asked(document, path))
        main_items = [p for p in checklist if p not in PARENT_OF]
        recorded = sum(get_value(document, p) is not None for p in main_items)
        left = len(main_items) - recorded
        if left:
            text = f"{recorded} of {len(main_items)} recorded: {left} to record."
        else:
            text = f"All {len(main_items)} recorded."
        cleared_by = document.red_flag_screen_cleared_by
        if cleared_by:
            text += f" Recorded negative by {cleared_by}."
        self.red_flag_status.setText(text)

    def show_wanted(self, wanted: Sequence[WantedFinding]) -> None:
        """The most decisive findings still missing; a row being answered stays."""
        shown = list(wanted[:MAX_WANTED])
        keep = {item.path for item in shown}
        for path in list(self._wanted_rows):
            row = self._wanted_rows[path]
            focused = QApplication.focusWidget()
            if path not in keep and not (focused is not None and row.isAncestorOf(focused)):
                self.wanted_layout.removeWidget(row)
                self.fields.pop(path, None)
                del self._wanted_rows[path]
                row.deleteLater()
        specs = spec_index(Assessment)
        for position, item in enumerate(shown):
            row = self._wanted_rows.get(item.path)
            note = f"{item.urgency.label.lower()}: waited for by " + ", ".join(item.rules)
            if row is None:
                row = FindingRow(specs[item.path], self._field, self, note)
                row.setObjectName("wanted-" + ".".join(item.path))
                self._wanted_rows[item.path] = row
            else:
                row.note.setText(note)
            if self.wanted_layout.indexOf(row) != position:
                self.wanted_layout.removeWidget(row)
                self.wanted_layout.insertWidget(position, row)
            row.show()
        self.nothing_wanted.setVisible(not shown)
        self._show_screen_buttons([item.path[0] for item in shown])

    def _show_screen_buttons(self, sections: list[str]) -> None:
        wanted = list(dict.fromkeys(sections))
        if wanted == self._screen_sections:
            return  # unchanged: keep the buttons (and the keyboard focus on one)
        self._screen_sections = wanted
        while self.screen_buttons.count():
            item = self.screen_buttons.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for index, section in enumerate(wanted):
            button = QPushButton(f"{SECTION_TITLES[section]}: screen negative", self)
            button.setObjectName(f"guidedScreenNegative_{section}")
            button.setToolTip(
                "Records every finding of this section still not assessed as negative "
                "(one undo step)"
            )
            button.clicked.connect(lambda _=False, s=section: self.screenNegativeRequested.emit(s))
            self.screen_buttons.addWidget(button, index // 2, index % 2)

    def wanted_paths(self) -> list[Path]:
        rows = (self.wanted_layout.itemAt(i).widget() for i in range(self.wanted_layout.count()))
        return [row.path for row in rows if isinstance(row, FindingRow)]
