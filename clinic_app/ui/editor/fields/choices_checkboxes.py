"""A multi-select finding as checkboxes with explicit "Not assessed" and "None" states.

Not assessed (None), assessed with nothing present (empty set) and a set of options are
three different facts; exactly one of the three modes is ticked at any time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from clinic_app.domain.fields import FieldSpec
from clinic_app.ui.editor.fields.base import FieldWidget

NOT_ASSESSED = "Not assessed"
NONE_PRESENT = "None of these"
COLUMNS = 2


class ChoicesField(FieldWidget):
    def __init__(
        self, spec: FieldSpec, parent: QWidget | None = None, *, columns: int = COLUMNS
    ) -> None:
        super().__init__(spec, parent)
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(1)
        self.not_assessed_box = QCheckBox(NOT_ASSESSED, box)
        self.none_box = QCheckBox(NONE_PRESENT, box)
        self.option_boxes: dict[str, QCheckBox] = {}
        self.not_assessed_box.setAccessibleName(f"{spec.title}: {NOT_ASSESSED}")
        self.none_box.setAccessibleName(f"{spec.title}: {NONE_PRESENT}")
        grid.addWidget(self.not_assessed_box, 0, 0)
        grid.addWidget(self.none_box, 0 if columns > 1 else 1, 1 if columns > 1 else 0)
        first_option_row = 1 if columns > 1 else 2
        for index, (code, label) in enumerate(spec.options):
            checkbox = QCheckBox(label, box)
            checkbox.setAccessibleName(f"{spec.title}: {label}")
            checkbox.clicked.connect(lambda _checked=False: self._options_clicked())
            self.option_boxes[code] = checkbox
            grid.addWidget(checkbox, first_option_row + index // columns, index % columns)
        self.not_assessed_box.clicked.connect(self._not_assessed_clicked)
        self.none_box.clicked.connect(self._none_clicked)
        for checkbox in (self.not_assessed_box, self.none_box, *self.option_boxes.values()):
            self._watch_focus(checkbox)
        self.setFocusProxy(self.not_assessed_box)
        self._wrap(box)
        self._display(None)

    def current(self) -> frozenset[str] | None:
        if self.not_assessed_box.isChecked():
            return None
        return frozenset(code for code, box in self.option_boxes.items() if box.isChecked())

    def toggle(self, code: str) -> None:
        """Flip one option as if its checkbox was clicked (used by the pain map diagram)."""
        self.option_boxes[code].setChecked(not self.option_boxes[code].isChecked())
        self._options_clicked()

    def _options_clicked(self) -> None:
        chosen = {code for code, box in self.option_boxes.items() if box.isChecked()}
        # Unticking the last option goes back to "not assessed", not to "none present".
        self._show_mode(chosen if chosen else None)
        self._emit(set(chosen) if chosen else None)

    def _not_assessed_clicked(self, checked: bool) -> None:
        value: set[str] | None = None if checked else set()
        self._show_mode(value)
        self._emit(value)

    def _none_clicked(self, checked: bool) -> None:
        value: set[str] | None = set() if checked else None
        self._show_mode(value)
        self._emit(value)

    def _show_mode(self, value: Any) -> None:
        codes = None if value is None else {getattr(item, "value", item) for item in value}
        self.not_assessed_box.setChecked(codes is None)
        self.none_box.setChecked(codes is not None and not codes)
        for code, checkbox in self.option_boxes.items():
            checkbox.setChecked(codes is not None and code in codes)

    def _display(self, value: Any) -> None:
        self._show_mode(value)
