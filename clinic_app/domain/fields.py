"""Field paths into the assessment document: what each finding is, and how to set one.

The GUI builds its pages from ``leaf_specs``, the validator phrases its messages
from the same specs, and ``with_value`` is the one way an edit is applied, so a
value outside its range never reaches a saved document.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from clinic_app.domain.model_base import Bilateral, Choice

Path = tuple[str, ...]


@dataclass(frozen=True)
class FieldSpec:
    path: Path
    title: str
    kind: Literal["number", "integer", "boolean", "choice", "choices", "text", "date"]
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    options: tuple[tuple[str, str], ...] = ()
    values: tuple[Any, ...] = ()  # a single choice's values as the document holds them
    multiline: bool = False
    max_length: int | None = None
    help: str | None = None
    min_length: int | None = None
    group_titles: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        return ".".join(self.path)

    @property
    def side(self) -> str | None:
        """The side of a bilateral finding, also when the side holds a group of findings."""
        return next((part for part in reversed(self.path) if part in ("left", "right")), None)

    def allowed(self) -> str:
        unit = f" {self.unit}" if self.unit and not self.unit[0].isdigit() else ""
        if self.kind in ("number", "integer"):
            kind = "a whole number" if self.kind == "integer" else "a number"
            return f"{kind} from {_fmt(self.minimum)} to {_fmt(self.maximum)}{unit}"
        if self.kind in ("choice", "choices"):
            codes = ", ".join(code for code, _ in self.options)
            prefix = "one of" if self.kind == "choice" else "a list of"
            return f"{prefix}: {codes}"
        if self.kind == "boolean":
            return "true or false (or leave it out: not assessed)"
        if self.kind == "date":
            return "a date as YYYY-MM-DD"
        text = "non-blank text" if self.min_length else "text"
        return f"{text} of at most {self.max_length} characters" if self.max_length else text

    def label_of(self, code: str) -> str:
        return dict(self.options).get(code, code)


def _fmt(number: float | None) -> str:
    if number is None:
        return "?"
    return str(int(number)) if float(number).is_integer() else str(number)


def leaf_specs(
    model: type[BaseModel], prefix: Path = (), groups: tuple[str, ...] = ()
) -> Iterator[FieldSpec]:
    """Every finding below ``model`` in document order."""
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        inner, constraints = _unwrap(info.annotation)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        title = info.title or name
        if extra.get("not_a_finding"):
            continue  # a document edited by its own editor (e.g. the rehab plan)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            sub_groups = groups if name in ("left", "right") else (*groups, title)
            if issubclass(inner, Bilateral) and not _is_model(_bilateral_value_type(inner)):
                yield from _bilateral_scalar_specs(inner, path, title, info, extra, groups)
            else:
                yield from leaf_specs(inner, path, sub_groups)
            continue
        yield _scalar_spec(path, title, inner, [*info.metadata, *constraints], extra, info, groups)


def _bilateral_scalar_specs(
    model: type[BaseModel], path: Path, title: str, info: FieldInfo,
    extra: dict[str, Any], groups: tuple[str, ...],
) -> Iterator[FieldSpec]:
    for side in ("left", "right"):
        side_info = model.model_fields[side]
        inner, constraints = _unwrap(side_info.annotation)
        yield _scalar_spec(
            (*path, side), title, inner, [*side_info.metadata, *constraints], extra, info, groups
        )


def _scalar_spec(
    path: Path, title: str, annotation: Any, metadata: list[Any], extra: dict[str, Any],
    info: FieldInfo, groups: tuple[str, ...],
) -> FieldSpec:
    minimum = maximum = max_length = min_length = None
    for item in metadata:
        if isinstance(item, annotated_types.Ge | annotated_types.Gt):
            minimum = item.ge if isinstance(item, annotated_types.Ge) else item.gt
        elif isinstance(item, annotated_types.Le | annotated_types.Lt):
            maximum = item.le if isinstance(item, annotated_types.Le) else item.lt
        elif isinstance(item, annotated_types.MaxLen):
            max_length = item.max_length
        elif isinstance(item, annotated_types.MinLen):
            min_length = item.min_length
    common = dict(
        path=path, title=title, unit=extra.get("unit"), help=info.description,
        group_titles=groups, multiline=bool(extra.get("multiline")), max_length=max_length,
        min_length=min_length,
    )
    labels = extra.get("option_labels", {})
    origin = get_origin(annotation)
    if origin in (set, frozenset, list):
        (member,) = get_args(annotation)
        if not _is_choice(member):  # a list of documents (earlier assessments) is no leaf
            return FieldSpec(kind="text", **common)
        return FieldSpec(kind="choices", options=_options(member, labels), **common)
    if origin is Literal or (isinstance(annotation, type) and issubclass(annotation, Enum)):
        values = get_args(annotation) if origin is Literal else tuple(annotation)
        return FieldSpec(
            kind="choice", options=_options(annotation, labels), values=values, **common
        )
    if annotation is bool:
        return FieldSpec(kind="boolean", **common)
    if annotation is int or annotation is float:
        return FieldSpec(
            kind="integer" if annotation is int else "number",
            minimum=minimum, maximum=maximum, step=extra.get("step"), **common,
        )
    if annotation is date:
        return FieldSpec(kind="date", **common)
    return FieldSpec(kind="text", **common)


def _is_choice(annotation: Any) -> bool:
    return get_origin(annotation) is Literal or (
        isinstance(annotation, type) and issubclass(annotation, Enum)
    )


def _options(annotation: Any, labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(code, label) pairs; a ``Literal`` field's labels come from its ``option_labels``."""
    if get_origin(annotation) is Literal:
        return tuple((str(code), labels.get(code, str(code))) for code in get_args(annotation))
    return tuple(
        (member.value, member.label if isinstance(member, Choice) else str(member.value))
        for member in annotation
    )


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip ``Optional`` and ``Annotated``; return the bare type and any constraints."""
    constraints: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            base, *meta = get_args(annotation)
            for item in meta:
                constraints.extend(item.metadata if isinstance(item, FieldInfo) else [item])
            annotation = base
        elif origin in (Union, types.UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return annotation, constraints
            annotation = members[0]
        else:
            return annotation, constraints


def _bilateral_value_type(model: type[BaseModel]) -> Any:
    inner, _ = _unwrap(model.model_fields["left"].annotation)
    return inner


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


_SPEC_CACHE: dict[type[BaseModel], dict[Path, FieldSpec]] = {}


def spec_index(model: type[BaseModel]) -> dict[Path, FieldSpec]:
    if model not in _SPEC_CACHE:
        _SPEC_CACHE[model] = {spec.path: spec for spec in leaf_specs(model)}
    return _SPEC_CACHE[model]


def get_value(document: BaseModel, path: Path) -> Any:
    node: Any = document
    for name in path:
        if node is None:
            return None
        node = getattr(node, name)
    return node


class FieldError(ValueError):
    """A value refused for one field, phrased for the person who typed it."""

    def __init__(self, path: Path, value: Any, allowed: str, title: str = "") -> None:
        self.path = path
        self.value = value
        self.allowed = allowed
        self.title = title
        super().__init__(
            f"{'.'.join(path)}: {shortened(value)} is not allowed; expected {allowed}"
        )


M = TypeVar("M", bound=BaseModel)


def with_value(document: M, path: Path, value: Any) -> M:
    """A copy of ``document`` with one finding changed; ``FieldError`` if the value is refused.

    ``None`` always means "not assessed" and is always accepted.
    """
    data = document.model_dump()
    node = data
    for name in path[:-1]:
        node = node[name]
    node[path[-1]] = value
    try:
        return type(document).model_validate(data)
    except ValidationError as error:
        spec = spec_index(type(document)).get(path)
        if spec is None:
            raise
        raise FieldError(path, value, spec.allowed(), spec.title) from error


def error_lines(error: ValidationError, model: type[BaseModel], prefix: str = "") -> list[str]:
    """One line per problem, naming the field, the value given and what is allowed."""
    specs = {".".join(path): spec for path, spec in spec_index(model).items()}
    lines = []
    for problem in error.errors():
        loc = [str(part) for part in problem["loc"] if not _is_type_tag(part)]
        while loc and loc[-1].isdigit() and ".".join(loc[:-1]) in specs:
            loc.pop()  # a member of a multi-choice set: report the field itself
        key = ".".join(loc)
        spec = specs.get(key)
        where = f"{prefix}{key}" if key else prefix.rstrip(".") or "(document)"
        value = shortened(problem.get("input"))
        title = f" ({spec.title})" if spec is not None and spec.title else ""
        if problem["type"] == "missing":
            lines.append(f"{where}: required but missing")
        elif problem["type"] == "extra_forbidden":
            lines.append(f"{where}: unknown field (not part of schema version 1)")
        elif problem["type"] in _NOT_AN_OBJECT:
            lines.append(f"{where}: {value} is not allowed; expected an object of findings")
        elif problem["type"] == "control_character":
            lines.append(f"{where}{title}: {value} is not allowed; {problem['msg']}")
        elif spec is not None:
            lines.append(f"{where}{title}: {value} is not allowed; expected {spec.allowed()}")
        else:
            lines.append(f"{where}: {value} is not allowed; {problem['msg']}")
    return lines


SHORTENED_TO = 60


def shortened(value: Any) -> str:
    """``repr(value)`` for a message, cut after ``SHORTENED_TO`` characters with its length.

    A 50 MB value is never echoed whole; ``repr`` shows control characters escaped.
    """
    if isinstance(value, str):
        if len(value) <= SHORTENED_TO:
            return repr(value)
        return f"{value[:SHORTENED_TO]!r}... ({len(value)} characters)"
    text = repr(value)
    if len(text) <= SHORTENED_TO:
        return text
    return f"{text[:SHORTENED_TO]}... ({len(text)} characters)"


_NOT_AN_OBJECT = frozenset({"model_type", "model_attributes_type", "dict_type"})


def _is_type_tag(part: object) -> bool:
    """pydantic adds the member type it tried (``float``, ``int``...) to union error paths."""
    return isinstance(part, str) and (
        part in ("float", "int", "bool", "str", "date", "none")
        or part.startswith(("literal[", "function-", "set[", "is-instance["))
    )
