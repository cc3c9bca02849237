"""Tri-state yes/no and single-choice findings, both as combo boxes with "Not assessed"."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from clinic_app.domain.fields import FieldSpec
from clinic_app.ui.editor.fields.base import FieldWidget, accessible_title
from clinic_app.ui.editor.fields.no_wheel_combo import NoWheelComboBox

NOT_ASSESSED = "Not assessed"
COMBO_MAX_WIDTH = 380
# Characters a combo box needs at least: a long option ("Medial to the foot border") then
# shows in full in the open list, so both sides of a row fit a laptop screen.
COMBO_MIN_CHARACTERS = 12


class _ComboField(FieldWidget):
    def __init__(
        self, spec: FieldSpec, entries: list[tuple[Any, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, parent)
        self._values = [value for value, _ in entries]
        self.combo = NoWheelComboBox(self)
        for _, label in entries:
            self.combo.addItem(label)
        self.combo.setAccessibleName(accessible_title(spec))
        self.combo.setMaximumWidth(COMBO_MAX_WIDTH)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(COMBO_MIN_CHARACTERS)
        self.combo.currentIndexChanged.connect(self._on_index)
        self.setFocusProxy(self.combo)
        self._watch_focus(self.combo)
        self._wrap(self.combo, align_left=True)

    def _on_index(self, index: int) -> None:
        if index >= 0:
            self._emit(self._values[index])

    def _display(self, value: Any) -> None:
        self.combo.setCurrentIndex(self._values.index(value) if value in self._values else 0)


class TriStateField(_ComboField):
    """Yes / No / Not assessed: a missing finding never looks negative."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, [(None, NOT_ASSESSED), (True, "Yes"), (False, "No")], parent)


class ChoiceComboField(_ComboField):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        entries: list[tuple[Any, str]] = [(None, NOT_ASSESSED)]
        entries.extend((code, label) for code, label in spec.options)
        super().__init__(spec, entries, parent)

    def _display(self, value: Any) -> None:
        super()._display(getattr(value, "value", value))
