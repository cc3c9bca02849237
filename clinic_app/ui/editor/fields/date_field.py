"""A date that may be left empty (not assessed); typed as YYYY-MM-DD or DD.MM.YYYY."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from clinic_app.ui.editor.fields.base import UnparsedText
from clinic_app.ui.editor.fields.typed_line_field import TypedLineField

_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


def parse_date(text: str) -> date | UnparsedText | None:
    stripped = text.strip()
    if not stripped:
        return None
    for pattern in _FORMATS:
        try:
            return datetime.strptime(stripped, pattern).date()
        except ValueError:
            continue
    return UnparsedText(stripped)


class DateField(TypedLineField):
    placeholder = "YYYY-MM-DD"

    def parse(self, text: str) -> Any:
        return parse_date(text)

    def format(self, value: Any) -> str:
        return value.isoformat()
