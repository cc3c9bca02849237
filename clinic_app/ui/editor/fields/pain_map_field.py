"""The pain location finding: the knee diagram and an equivalent checkbox list, kept in sync."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from clinic_app.domain.fields import FieldSpec
from clinic_app.ui.editor.fields.base import FieldWidget
from clinic_app.ui.editor.fields.choices_checkboxes import ChoicesField
from clinic_app.ui.editor.pain_map_widget import PainMapWidget


class PainMapField(FieldWidget):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        box = QWidget(self)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.diagram = PainMapWidget(box)
        self.region_list = ChoicesField(spec, box, columns=1)
        self.region_list.setAccessibleName(f"{spec.title}: list")
        layout.addWidget(self.diagram, 3)
        layout.addWidget(self.region_list, 2)
        self.diagram.regionToggled.connect(self.region_list.toggle)
        self.region_list.edited.connect(self._on_list_edited)
        self.region_list.undoRequested.connect(self.undoRequested)
        self.region_list.redoRequested.connect(self.redoRequested)
        self._watch_focus(self.diagram)
        self.setFocusProxy(self.diagram)
        self._wrap(box)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.diagram.setEnabled(not read_only)

    def _on_list_edited(self, value: Any) -> None:
        self.diagram.set_selection(value)
        self._emit(value)

    def _display(self, value: Any) -> None:
        self.region_list.set_value(value)
        codes = None if value is None else {getattr(item, "value", item) for item in value}
        self.diagram.set_selection(codes)
