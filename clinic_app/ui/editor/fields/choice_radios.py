"""A single choice as radio buttons (the Kujala questionnaire), with a "Not answered" button."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from clinic_app.domain.fields import FieldSpec
from clinic_app.ui.editor.fields.base import FieldWidget

NOT_ANSWERED = "Not answered"


class ChoiceRadioField(FieldWidget):
    def __init__(
        self,
        spec: FieldSpec,
        suffixes: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(spec, parent)
        suffixes = suffixes or {}
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.group = QButtonGroup(self)
        self._codes: list[str | None] = [None, *(code for code, _ in spec.options)]
        labels = [NOT_ANSWERED, *(label + suffixes.get(code, "") for code, label in spec.options)]
        self.buttons: list[QRadioButton] = []
        for index, label in enumerate(labels):
            button = QRadioButton(label, box)
            button.setAccessibleName(f"{spec.title}: {label}")
            self.group.addButton(button, index)
            layout.addWidget(button)
            self._watch_focus(button)
            self.buttons.append(button)
        self.group.idToggled.connect(self._on_toggled)
        self.setFocusProxy(self.buttons[0])
        self._wrap(box)

    def button_for(self, code: str | None) -> QRadioButton:
        return self.buttons[self._codes.index(code)]

    def focus_input(self) -> None:
        checked = self.group.checkedButton() or self.buttons[0]
        checked.setFocus()

    def _on_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self._emit(self._codes[index])

    def _display(self, value: Any) -> None:
        code = getattr(value, "value", value)
        self.button_for(code if code in self._codes else None).setChecked(True)
