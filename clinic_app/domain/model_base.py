"""Building blocks every section of the assessment document is made of.

A finding is an optional field: ``None`` means "not assessed", never "negative".
Each finding carries its title, unit and valid range as metadata, so the GUI,
the validator and the JSON Schema all read the same facts.
"""

from __future__ import annotations

import json
import types
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    field_validator,
    model_serializer,
)
from pydantic_core import PydanticCustomError

from clinic_app.domain.control_characters import control_character_problem
from clinic_app.domain.patient_listing import plain_label


class DomainModel(BaseModel):
    """Strict document model: unknown keys are errors, assignments are validated.

    A value must come as the JSON type its field declares (pydantic's lax mode would
    read "35" as 35 and true as 1), text holds no control characters, and fields
    named in ``one_line_fields`` (names, identifiers) hold no line breaks or tabs.

    In JSON (storage, case files and the canonical content that signing hashes) a set is
    written as a list sorted by each member's JSON text: a set's own iteration order
    changes with ``PYTHONHASHSEED``, so it must never reach the bytes.
    """

    # defer_build: a model's validator is built on first use, not at import (start-up time).
    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_enum_values=False, defer_build=True,
        allow_inf_nan=False,
    )
    one_line_fields: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="before")
    @classmethod
    def _json_type_as_declared(cls, value: Any, info: ValidationInfo) -> Any:
        if info.field_name is None or value is None:
            return value
        annotation = cls.model_fields[info.field_name].annotation
        if isinstance(value, bool):
            kind = "bool"
        elif isinstance(value, int | float):
            kind = "number"
        elif isinstance(value, str):
            kind = "text"
            problem = control_character_problem(
                value, one_line=info.field_name in cls.one_line_fields
            )
            if problem and _accepts(annotation, kind) and not _read_back(info):
                raise PydanticCustomError("control_character", problem)
        else:
            return value
        if not _accepts(annotation, kind):
            raise ValueError(f"{_KIND_WORDS[kind]} is not allowed here")
        return value

    @model_serializer(mode="wrap")
    def _sets_in_a_defined_order(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        dumped = handler(self)
        if info.mode_is_json() and isinstance(dumped, dict):
            for name, value in dumped.items():
                if isinstance(value, list) and isinstance(
                    getattr(self, name, None), set | frozenset
                ):
                    dumped[name] = sorted(value, key=_json_text)
        return dumped


# Validation context for documents read back from storage: text saved before control
# characters were refused must still open (outputs strip them), never lock a record away.
AS_STORED: dict[str, bool] = {"as_stored": True}


def _read_back(info: ValidationInfo) -> bool:
    return isinstance(info.context, dict) and bool(info.context.get("as_stored"))


def _json_text(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


_KIND_WORDS = {"bool": "a yes/no value", "number": "a number", "text": "text"}


@cache
def _accepts(annotation: Any, kind: str) -> bool:
    """Whether a field declared as ``annotation`` takes a JSON value of ``kind``.

    Types this does not know (documents, lists, sets) are left to pydantic.
    """
    if annotation is Any or annotation is object:
        return True
    origin = get_origin(annotation)
    if origin is Annotated:
        return _accepts(get_args(annotation)[0], kind)
    if origin in (Union, types.UnionType):
        return any(_accepts(member, kind) for member in get_args(annotation))
    if origin is Literal:
        return any(_kind_of_constant(member) == kind for member in get_args(annotation))
    if annotation is type(None):
        return False
    if annotation is bool:
        return kind == "bool"
    if annotation in (int, float):
        return kind == "number"
    if annotation in (str, date, datetime) or (
        isinstance(annotation, type) and issubclass(annotation, StrEnum)
    ):
        return kind == "text"
    return True


def _kind_of_constant(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    return "number" if isinstance(value, int | float) else "text"


def finding(
    title: str,
    *,
    unit: str | None = None,
    ge: float | None = None,
    le: float | None = None,
    step: float | None = None,
    help: str | None = None,
    multiline: bool = False,
    max_length: int | None = None,
) -> Any:
    """A "not assessed by default" field with its display and validation metadata."""
    extra: dict[str, Any] = {}
    if unit:
        extra["unit"] = unit
    if step is not None:
        extra["step"] = step
    if multiline:
        extra["multiline"] = True
    return Field(
        default=None,
        title=title,
        description=help,
        ge=ge,
        le=le,
        max_length=max_length,
        json_schema_extra=extra or None,
    )


def group(
    title: str, factory: type[BaseModel], *, unit: str | None = None, help: str | None = None
) -> Any:
    """A nested group of findings, present (empty) by default."""
    return Field(
        default_factory=factory,
        title=title,
        description=help,
        json_schema_extra={"unit": unit} if unit else None,
    )


class Choice(StrEnum):
    """Enumerations of clinical options; ``label`` is the wording shown to people."""

    @property
    def label(self) -> str:
        custom = _CHOICE_LABELS.get((type(self), self.value))
        return custom if custom else plain_label(self.value)


# Keyed by (enum, code): members of a string enum compare equal to their codes, so two
# enums' "other" would otherwise share one label.
_CHOICE_LABELS: dict[tuple[type, str], str] = {}


def relabel(labels: dict[Any, str]) -> None:
    """Give some choices a wording that their code cannot express (for example "1+")."""
    _CHOICE_LABELS.update({(type(choice), choice.value): text for choice, text in labels.items()})


class Side(Choice):
    LEFT = "left"
    RIGHT = "right"


class AffectedSide(Choice):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"

    def includes(self, side: Side) -> bool:
        return self is AffectedSide.BOTH or self.value == side.value


T = TypeVar("T")


class Bilateral(DomainModel, Generic[T]):
    """A test done on both sides; each side may be assessed or not on its own."""

    left: T | None = Field(default=None, title="Left")
    right: T | None = Field(default=None, title="Right")

    def side(self, side: Side) -> T | None:
        return self.left if side is Side.LEFT else self.right
