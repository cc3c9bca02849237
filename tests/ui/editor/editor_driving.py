"""Drive the editor's widgets as a person would: keys into inputs, clicks on buttons.

``QTest.keyClicks`` aborts the process on non-ASCII text (Qt assertion in qasciikey.cpp), so
text is typed one ``QKeyEvent`` per character carrying the character as its text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget

from clinic_app.domain.fields import FieldSpec
from clinic_app.ui.editor.fields.base import FieldWidget
from clinic_app.ui.editor.fields.choice_radios import ChoiceRadioField
from clinic_app.ui.editor.fields.choices_checkboxes import ChoicesField
from clinic_app.ui.editor.fields.combo_fields import ChoiceComboField, TriStateField
from clinic_app.ui.editor.fields.number_field import format_number
from clinic_app.ui.editor.fields.pain_map_field import PainMapField
from clinic_app.ui.editor.fields.text_field import TextField
from clinic_app.ui.editor.fields.typed_line_field import TypedLineField


def type_char(widget: QWidget, char: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_text(widget: QWidget, text: str) -> None:
    for char in text:
        type_char(widget, char)


def text_input(widget: FieldWidget) -> QWidget:
    if isinstance(widget, TypedLineField):
        return widget.line_edit
    assert isinstance(widget, TextField)
    return widget.notes_edit if widget.notes_edit is not None else widget.line_edit  # type: ignore[return-value]


def replace_text(widget: FieldWidget, text: str) -> None:
    """Click into the input, select everything, and type ``text`` over it."""
    target = text_input(widget)
    QTest.mouseClick(target, Qt.MouseButton.LeftButton)
    QTest.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(target, text)
    else:
        QTest.keyClick(target, Qt.Key.Key_Delete)


def click(button: QAbstractButton) -> None:
    """Click on the box or dot of a check or radio button (its label may end well before
    the middle of a wide button, and clicks beside the label are ignored)."""
    where = QPoint(min(8, button.width() // 2), button.height() // 2)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=where)


def choose_with_keys(combo: QComboBox, index: int) -> None:
    combo.setFocus()
    key = Qt.Key.Key_Down if index > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(index - combo.currentIndex())):
        QTest.keyClick(combo, key)


def typed_text_for(spec: FieldSpec, value: Any) -> str:
    if spec.kind in ("number", "integer"):
        return format_number(value)
    if spec.kind == "date":
        return value.isoformat()
    return str(value)


def enter_value(widget: FieldWidget, value: Any) -> None:
    """Put ``value`` into a freshly loaded (not assessed) field through its real controls."""
    spec = widget.spec
    if isinstance(widget, TypedLineField | TextField):
        replace_text(widget, typed_text_for(spec, value))
    elif isinstance(widget, TriStateField):
        choose_with_keys(widget.combo, {None: 0, True: 1, False: 2}[value])
    elif isinstance(widget, ChoiceComboField):
        codes = [None, *(code for code, _ in spec.options)]
        choose_with_keys(widget.combo, codes.index(value))
    elif isinstance(widget, ChoiceRadioField):
        click(widget.button_for(value))
    elif isinstance(widget, PainMapField):
        for number, code in enumerate(sorted(value)):
            if number % 2 == 0:  # half by clicking the drawing, half from the list
                from clinic_app.domain.history import PainRegion

                diagram = widget.diagram
                QTest.mouseClick(
                    diagram, Qt.MouseButton.LeftButton,
                    pos=diagram.region_center(PainRegion(code)),
                )
            else:
                click(widget.region_list.option_boxes[code])
    elif isinstance(widget, ChoicesField):
        if not value:
            click(widget.none_box)
        for code in sorted(value):
            click(widget.option_boxes[code])
    else:
        raise TypeError(f"no driver for {type(widget).__name__}")


def shown_value(widget: FieldWidget) -> Any:
    """What the widget shows, read back from its controls as a finding value."""
    spec = widget.spec
    if isinstance(widget, TypedLineField):
        return widget.parse(widget.line_edit.text())
    if isinstance(widget, TextField):
        return widget.text() or None
    if isinstance(widget, TriStateField):
        return {"Not assessed": None, "Yes": True, "No": False}[widget.combo.currentText()]
    if isinstance(widget, ChoiceComboField):
        labels = {label: code for code, label in spec.options}
        return labels.get(widget.combo.currentText())
    if isinstance(widget, ChoiceRadioField):
        return next(
            (code for code, _ in spec.options if widget.button_for(code).isChecked()), None
        )
    if isinstance(widget, PainMapField):
        listed = widget.region_list.current()
        assert listed == widget.diagram.selection()
        return None if listed is None else set(listed)
    if isinstance(widget, ChoicesField):
        chosen = widget.current()
        return None if chosen is None else set(chosen)
    raise TypeError(type(widget).__name__)


def sample_value(spec: FieldSpec, index: int) -> Any:
    """A valid value for any finding, varied by ``index`` so yes and no both occur."""
    if spec.kind == "boolean":
        return index % 2 == 0
    if spec.kind == "choice":
        return spec.options[index % len(spec.options)][0]
    if spec.kind == "choices":
        codes = [code for code, _ in spec.options]
        return {codes[0], codes[-1], codes[len(codes) // 2]}
    if spec.kind in ("number", "integer"):
        low = spec.minimum if spec.minimum is not None else 0
        high = spec.maximum if spec.maximum is not None else low + 100
        middle = low + (high - low) * 0.4
        return int(middle) if spec.kind == "integer" else round(middle, 1)
    if spec.kind == "date":
        return date(2024, 1 + index % 12, 1 + index % 27)
    names = ("Zoë Ñúñez-Øster", "Иван Петров")
    text = f"{names[index % 2]} #{index}"
    return text[: spec.max_length] if spec.max_length else text
