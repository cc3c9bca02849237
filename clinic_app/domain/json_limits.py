"""JSON read with limits: no duplicate keys, bounded nesting, no integer of absurd length.

Python's json keeps the last of two equal keys (so a file can say one thing to
the eye and another to the app), recurses on nesting until RecursionError, and
raises ValueError on integers of more than 4300 digits. Here each becomes a
message, one line per problem.
"""

from __future__ import annotations

import json
from typing import Any

from clinic_app.domain.fields import shortened

MAX_DEPTH = 64
MAX_INTEGER_DIGITS = 30


class JsonRefused(ValueError):
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


class HugeInteger:
    """Stands in for an integer too long to be any finding, so the field it was given
    for can name it ("a 5000-digit number") instead of the whole file being refused."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"a {self.digits}-digit number"


def parse_json(text: str) -> Any:
    """The value of ``text``; ``JsonRefused`` with one line per problem."""
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise JsonRefused(
            [f"(file): not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"]
        ) from error
    except RecursionError:
        raise JsonRefused([_too_deep("(file)")]) from None
    problems = _structure_problems(data)
    if problems:
        raise JsonRefused(problems)
    return data


class _DuplicateKeys(dict):
    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = _DuplicateKeys(result)
    marked.duplicates = []
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


def _integer(text: str) -> int | HugeInteger:
    digits = len(text.lstrip("-"))
    return HugeInteger(digits) if digits > MAX_INTEGER_DIGITS else int(text)


def _structure_problems(data: Any) -> list[str]:
    """Duplicate keys and too deep nesting, walked without recursion, in document order."""
    lines: list[str] = []
    stack: list[tuple[Any, tuple[str, ...], int]] = [(data, (), 1)]
    while stack:
        node, path, depth = stack.pop()
        if isinstance(node, dict):
            children = [(str(key), value) for key, value in node.items()]
        elif isinstance(node, list):
            children = [(str(index), value) for index, value in enumerate(node)]
        else:
            continue
        if depth > MAX_DEPTH:
            lines.append(_too_deep(_where(path)))
            continue
        for key in getattr(node, "duplicates", ()):
            lines.append(
                f"{_where((*path, key))}: duplicate key {shortened(key)}; expected each key "
                "at most once in an object"
            )
        stack.extend((value, (*path, key), depth + 1) for key, value in reversed(children))
    return lines


def _where(path: tuple[str, ...]) -> str:
    if not path:
        return "(file)"
    where = ".".join(path)
    return where if len(where) <= 200 else f"{where[:200]}... ({len(path)} levels)"


def _too_deep(where: str) -> str:
    return (
        f"{where}: objects and lists nested too deep; expected at most {MAX_DEPTH} levels"
    )
