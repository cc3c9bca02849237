"""One exam section as a page: a box per group, left and right side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import Path
from clinic_app.domain.guided_exam import PARENT_OF, asked, section_screen
from clinic_app.domain.model_base import AffectedSide, Side
from clinic_app.ui.editor.derived_readouts import READOUTS, Readout
from clinic_app.ui.editor.field_layout import Group, Row, section_groups
from clinic_app.ui.editor.fields.base import FieldWidget
from clinic_app.ui.editor.fields.factory import create_field_widget

LABEL_WIDTH = 180  # labels wrap; the values need the room on a laptop screen
AFFECTED_STYLE = "background: #fff1d6; border-radius: 3px; padding: 1px 6px; font-weight: bold;"
SIDE_STYLE = "padding: 1px 6px; font-weight: bold;"


class SectionPage(QWidget):
    screenNegativeRequested = Signal(str)  # this section

    def __init__(self, section: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"page_{section}")
        self.fields: dict[Path, FieldWidget] = {}
        self.readouts: list[tuple[Readout, Side | None, QLabel]] = []
        self._side_headers: list[tuple[Side, QLabel]] = []
        self._follow_up_rows: dict[Path, list[QWidget]] = {}
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        self.screen_negative: QPushButton | None = None
        if section_screen(section):
            self.screen_negative = QPushButton("Screen negative", self)
            self.screen_negative.setObjectName(f"screenNegative_{section}")
            self.screen_negative.setToolTip(
                "Records every finding of this section still not assessed as negative "
                "(one undo step)"
            )
            self.screen_negative.clicked.connect(
                lambda: self.screenNegativeRequested.emit(self.section)
            )
            top.addWidget(self.screen_negative)
        layout.addLayout(top)
        for group in section_groups(section):
            layout.addWidget(self._build_group(group))
        layout.addStretch(1)

    def _build_group(self, group: Group) -> QGroupBox:
        box = QGroupBox(group.title or "", self)
        box.setObjectName("group_" + "_".join(group.key))
        grid = QGridLayout(box)
        grid.setColumnMinimumWidth(0, LABEL_WIDTH)
        grid.setHorizontalSpacing(14)
        grid.setColumnStretch(1, 1)
        row_index = 0
        if group.bilateral:
            grid.setColumnStretch(2, 1)
            for column, side in ((1, Side.LEFT), (2, Side.RIGHT)):
                header = QLabel(side.label, box)
                header.setStyleSheet(SIDE_STYLE)
                self._side_headers.append((side, header))
                grid.addWidget(header, 0, column)
            row_index = 1
        for row in group.rows:
            self._add_row(grid, row_index, row, group.bilateral, box)
            row_index += 1
        for readout in (r for r in READOUTS if r.group == group.key):
            self._add_readout(grid, row_index, readout, group.bilateral, box)
            row_index += 1
        return box

    def _add_row(
        self, grid: QGridLayout, index: int, row: Row, bilateral: bool, box: QWidget
    ) -> None:
        label = _row_label(row, box)
        title = _with_help(label, row.help, box)
        grid.addWidget(title, index, 0, Qt.AlignmentFlag.AlignTop)
        if not row.bilateral:
            spec = row.cells[None]
            widget = create_field_widget(spec, box)
            self.fields[spec.path] = widget
            if spec.path in PARENT_OF:
                self._follow_up_rows[spec.path] = [title, widget]
            grid.addWidget(widget, index, 1, 1, 2 if bilateral else 1, Qt.AlignmentFlag.AlignTop)
            label.setBuddy(widget)
            return
        for column, side in ((1, "left"), (2, "right")):
            spec = row.cells.get(side)
            if spec is None:
                continue
            widget = create_field_widget(spec, box)
            self.fields[spec.path] = widget
            grid.addWidget(widget, index, column, Qt.AlignmentFlag.AlignTop)
            if side == "left":
                label.setBuddy(widget)

    def _add_readout(
        self, grid: QGridLayout, index: int, readout: Readout, bilateral: bool, box: QWidget
    ) -> None:
        title = QLabel(readout.title, box)
        title.setTextFormat(Qt.TextFormat.PlainText)
        italic = QFont(title.font())
        italic.setItalic(True)
        title.setFont(italic)
        grid.addWidget(title, index, 0, Qt.AlignmentFlag.AlignTop)
        sides: tuple[tuple[int, Side | None], ...] = (
            ((1, Side.LEFT), (2, Side.RIGHT)) if readout.per_side else ((1, None),)
        )
        for column, side in sides:
            value = QLabel(box)
            value.setObjectName("readout")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            suffix = f" ({side.value})" if side else ""
            value.setAccessibleName(readout.title + suffix)
            span = 2 if bilateral and side is None else 1
            grid.addWidget(value, index, column, 1, span, Qt.AlignmentFlag.AlignTop)
            self.readouts.append((readout, side, value))

    def readout_text(self, title: str, side: Side | None = None) -> str:
        return next(
            label.text()
            for readout, shown_side, label in self.readouts
            if readout.title == title and shown_side == side
        )

    def refresh_readouts(self, document: Assessment) -> None:
        for readout, side, label in self.readouts:
            text = readout.text(document, side)
            if label.text() != text:
                label.setText(text)

    def show_asked(self, document: Assessment) -> None:
        """Follow-up questions show once their parent is answered yes (or hold a value)."""
        for path, parts in self._follow_up_rows.items():
            shown = asked(document, path)
            for part in parts:
                part.setVisible(shown)

    def set_read_only(self, read_only: bool) -> None:
        if self.screen_negative is not None:
            self.screen_negative.setEnabled(not read_only)

    def mark_affected(self, affected: AffectedSide | None) -> None:
        for side, header in self._side_headers:
            marked = affected is not None and affected.includes(side)
            header.setText(f"{side.label} (affected)" if marked else side.label)
            header.setStyleSheet(AFFECTED_STYLE if marked else SIDE_STYLE)


def _row_label(row: Row, parent: QWidget) -> QLabel:
    """The finding's title as plain text: a title such as 'Bedridden >= 3 days' or
    'Kneecap "slipping out"' shows as written, and its '&' never becomes a mnemonic."""
    label = QLabel(row.title.replace("&", "&&"), parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setMaximumWidth(LABEL_WIDTH + 40)
    if row.help:
        label.setToolTip(row.help)
    return label


def _with_help(label: QLabel, help_text: str | None, parent: QWidget) -> QWidget:
    if not help_text:
        return label
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(label)
    hint = QLabel(help_text, box)
    hint.setTextFormat(Qt.TextFormat.PlainText)
    hint.setWordWrap(True)
    hint.setMaximumWidth(LABEL_WIDTH + 40)
    hint.setStyleSheet("color: #666666;")
    small = QFont(hint.font())
    small.setPointSizeF(small.pointSizeF() * 0.85)
    hint.setFont(small)
    column.addWidget(hint)
    return box
