"""Warnings for characters the PDFs could not print as written, naming the character and the
fields that hold it, never the text around it (no patient data in a log or message)."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from clinic_app.reports.font_runs import GlyphNotices

# (dotted field path, text) pairs of what an export prints from the record
Fields = list[tuple[str, str]]
OTHER_TEXT = "the document text"


def glyph_warnings(notices: GlyphNotices, fields: Fields) -> tuple[str, ...]:
    missing = tuple(
        f"{describe(char)} in {_holders(char, fields)} is in no available font: "
        "printed as a box"
        for char in sorted(notices.missing)
    )
    right_to_left = tuple(
        f"{path}: right-to-left letters (e.g. {describe(_first(text, notices.right_to_left))}) "
        "are printed left to right and unjoined: check the PDF reads correctly"
        for path, text in fields
        if notices.right_to_left.intersection(text)
    )
    return missing + right_to_left


def describe(char: str) -> str:
    """``U+1F9B5 LEG``; a character without a name by its kind."""
    category = unicodedata.category(char)
    kind = {"Co": "PRIVATE USE CHARACTER", "Cn": "UNASSIGNED CODE POINT"}.get(category, category)
    return f"U+{ord(char):04X} {unicodedata.name(char, kind)}"


def record_fields(**records: Any) -> Fields:
    """Every text in ``records`` (pydantic models, dataclasses, mappings, sequences) with its
    dotted path, such as ``patient.family_name``."""
    return [field for name, record in records.items() for field in _walk(name, record)]


def _walk(path: str, value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif hasattr(value, "model_dump"):
        yield from _walk(path, value.model_dump(mode="json"))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _walk(f"{path}.{field.name}", getattr(value, field.name))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _walk(f"{path}.{key}", item)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(f"{path}[{index}]", item)


def _holders(char: str, fields: Fields) -> str:
    paths = list(dict.fromkeys(path for path, text in fields if char in text))
    return ", ".join(paths) or OTHER_TEXT


def _first(text: str, chars: set[str]) -> str:
    return next(char for char in text if char in chars)
