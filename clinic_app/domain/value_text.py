"""A recorded finding's value in words, the same on hints, notes and exports."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from clinic_app.domain.fields import FieldSpec
from clinic_app.domain.model_base import Choice


def format_value(value: Any, spec: FieldSpec | None = None, *, lower_items: bool = False) -> str:
    """``value`` as text, with the unit of ``spec`` after a number.

    ``lower_items`` writes the items of a set in lower case, for use inside a sentence.
    """
    unit = spec.unit if spec is not None else None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Choice):
        return value.label
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, set | frozenset | list | tuple):
        if not value:
            return "none"
        items = (format_value(item) for item in value)
        return ", ".join(sorted(item.lower() if lower_items else item for item in items))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        number = str(int(value)) if float(value).is_integer() else str(value)
        if not unit or unit[0].isdigit():
            return number
        if number == "1" and unit.isalpha() and unit.endswith("s"):
            unit = unit[:-1]  # 1 quadrant, 1 week
        return f"{number} {unit}"
    if spec is not None and spec.kind == "choice":
        return spec.label_of(str(value))
    return str(value)
