"""Which widget shows which finding: by ``FieldSpec.kind``, with a few findings drawn specially."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from clinic_app.domain.fields import FieldSpec
from clinic_app.domain.kujala import KUJALA_BY_KEY
from clinic_app.ui.editor.fields.base import FieldWidget
from clinic_app.ui.editor.fields.choice_radios import ChoiceRadioField
from clinic_app.ui.editor.fields.choices_checkboxes import ChoicesField
from clinic_app.ui.editor.fields.combo_fields import ChoiceComboField, TriStateField
from clinic_app.ui.editor.fields.date_field import DateField
from clinic_app.ui.editor.fields.number_field import NumberField
from clinic_app.ui.editor.fields.pain_map_field import PainMapField
from clinic_app.ui.editor.fields.text_field import TextField

PAIN_MAP_PATH = ("history", "complaint", "pain_regions")
KUJALA_PREFIX = ("outcomes", "kujala")

WidgetMaker = Callable[[FieldSpec, QWidget | None], FieldWidget]

BY_KIND: dict[str, WidgetMaker] = {
    "boolean": TriStateField,
    "choice": ChoiceComboField,
    "choices": ChoicesField,
    "number": NumberField,
    "integer": NumberField,
    "text": TextField,
    "date": DateField,
}


def _kujala_item(spec: FieldSpec, parent: QWidget | None) -> FieldWidget:
    item = KUJALA_BY_KEY[spec.path[-1]]
    suffixes = {option.code: f"  ({option.points})" for option in item.options}
    return ChoiceRadioField(spec, suffixes, parent)


def create_field_widget(spec: FieldSpec, parent: QWidget | None = None) -> FieldWidget:
    if spec.path == PAIN_MAP_PATH:
        return PainMapField(spec, parent)
    if spec.path[: len(KUJALA_PREFIX)] == KUJALA_PREFIX:
        return _kujala_item(spec, parent)
    return BY_KIND[spec.kind](spec, parent)
