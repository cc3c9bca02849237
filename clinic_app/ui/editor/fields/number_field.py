"""Numbers and whole numbers typed as text, with the unit beside them.

Not a spin box: a spin box clamps an out-of-range value silently, while a refused value
must be shown to the person who typed it.
"""

from __future__ import annotations

import math
import re
from typing import Any

from clinic_app.ui.editor.fields.base import UnparsedText
from clinic_app.ui.editor.fields.typed_line_field import TypedLineField

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(text: str, *, integer: bool) -> int | float | UnparsedText | None:
    """Read typed text; a decimal comma is accepted, exponents and "nan" are not."""
    stripped = text.strip()
    if not stripped:
        return None
    if not _NUMBER.match(stripped):
        return UnparsedText(stripped)
    number = float(stripped.replace(",", "."))
    if not math.isfinite(number):
        return UnparsedText(stripped)
    if integer:
        return int(number) if number.is_integer() else UnparsedText(stripped)
    return number


def format_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class NumberField(TypedLineField):
    def parse(self, text: str) -> Any:
        return parse_number(text, integer=self.spec.kind == "integer")

    def format(self, value: Any) -> str:
        return format_number(value)
