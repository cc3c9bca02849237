"""Property tests of validation: every field, every kind, driven by the field specs."""

from __future__ import annotations

import contextlib
import math
from datetime import date
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.fields import FieldError, FieldSpec, get_value, spec_index, with_value

FINDINGS = [spec for path, spec in spec_index(Assessment).items() if path[0] in EXAM_SECTIONS]
NUMERIC = [spec for spec in FINDINGS if spec.kind in ("number", "integer")]
CHOICE = [spec for spec in FINDINGS if spec.kind == "choice"]
MULTI_CHOICE = [spec for spec in FINDINGS if spec.kind == "choices"]
BOOLEAN = [spec for spec in FINDINGS if spec.kind == "boolean"]

BLANK = Assessment(assessment_date=date(2025, 1, 2))
# Text as people type it: control characters are refused (tests/domain/test_hostile_input.py).
PRINTABLE_CHARACTERS = st.characters(blacklist_categories=("Cc", "Cs"))


def in_range(spec: FieldSpec) -> st.SearchStrategy[float]:
    assert spec.minimum is not None and spec.maximum is not None
    if spec.kind == "integer":
        return st.integers(int(spec.minimum), int(spec.maximum))
    return st.floats(spec.minimum, spec.maximum, allow_nan=False)


def out_of_range(spec: FieldSpec) -> st.SearchStrategy[float]:
    assert spec.minimum is not None and spec.maximum is not None
    if spec.kind == "integer":
        return st.integers(max_value=int(spec.minimum) - 1) | st.integers(
            min_value=int(spec.maximum) + 1
        )
    below = st.floats(max_value=spec.minimum, exclude_max=True, allow_infinity=True)
    above = st.floats(min_value=spec.maximum, exclude_min=True, allow_infinity=True)
    return below | above | st.just(math.nan)


def valid_value(spec: FieldSpec) -> st.SearchStrategy[Any]:
    codes = [code for code, _ in spec.options]
    if spec.kind in ("number", "integer"):
        return in_range(spec)
    if spec.kind == "choice":
        return st.sampled_from(codes)
    if spec.kind == "choices":
        return st.sets(st.sampled_from(codes))
    if spec.kind == "boolean":
        return st.booleans()
    if spec.kind == "date":
        return st.dates(date(1900, 1, 1), date(2100, 12, 31))
    return st.text(PRINTABLE_CHARACTERS, max_size=spec.max_length or 100)


@st.composite
def assessment_with_findings(draw: st.DrawFn) -> Assessment:
    """A document with a random handful of findings recorded."""
    chosen = draw(st.lists(st.sampled_from(FINDINGS), max_size=12, unique_by=lambda s: s.path))
    document = BLANK
    for spec in chosen:
        document = with_value(document, spec.path, draw(valid_value(spec)))
    return document


@settings(max_examples=300)
@given(st.data())
def test_values_inside_the_range_are_accepted(data: st.DataObject) -> None:
    spec = data.draw(st.sampled_from(NUMERIC))
    value = data.draw(in_range(spec))
    updated = with_value(BLANK, spec.path, value)
    assert get_value(updated, spec.path) == value


@settings(max_examples=300)
@given(st.data())
def test_values_outside_the_range_are_refused_naming_field_and_value(data: st.DataObject) -> None:
    spec = data.draw(st.sampled_from(NUMERIC))
    value = data.draw(out_of_range(spec))
    try:
        with_value(BLANK, spec.path, value)
    except FieldError as error:
        message = str(error)
        assert message.startswith(f"{spec.key}: {value!r} is not allowed")
        assert message.endswith(f"expected {error.allowed}")
        assert f"from {spec.minimum:g} to {spec.maximum:g}" in error.allowed
        assert error.path == spec.path
    else:
        raise AssertionError(f"{spec.key} accepted {value!r}")


@given(st.data())
def test_only_the_listed_options_are_accepted(data: st.DataObject) -> None:
    spec = data.draw(st.sampled_from(CHOICE))
    codes = [code for code, _ in spec.options]
    good = data.draw(st.sampled_from(codes))
    assert get_value(with_value(BLANK, spec.path, good), spec.path) == good
    bad = data.draw(st.text(max_size=20))
    assume(bad not in codes)
    try:
        with_value(BLANK, spec.path, bad)
    except FieldError as error:
        assert str(error).startswith(f"{spec.key}: {bad!r} is not allowed; expected one of: ")
    else:
        raise AssertionError(f"{spec.key} accepted {bad!r}")


@given(st.data())
def test_multi_choices_accept_any_subset_of_their_options(data: st.DataObject) -> None:
    spec = data.draw(st.sampled_from(MULTI_CHOICE))
    chosen = data.draw(st.sets(st.sampled_from([code for code, _ in spec.options])))
    stored = get_value(with_value(BLANK, spec.path, chosen), spec.path)
    assert {member.value for member in stored} == chosen


@given(st.data())
def test_a_yes_no_answer_is_never_taken_as_a_number(data: st.DataObject) -> None:
    spec = data.draw(st.sampled_from(NUMERIC))
    answer = data.draw(st.booleans())
    try:
        with_value(BLANK, spec.path, answer)
    except FieldError as error:
        assert error.path == spec.path
    else:
        raise AssertionError(f"{spec.key} accepted {answer!r}")


@given(st.sampled_from(BOOLEAN), st.booleans())
def test_booleans_keep_false_distinct_from_not_assessed(spec: FieldSpec, answer: bool) -> None:
    assert get_value(with_value(BLANK, spec.path, answer), spec.path) is answer


@settings(max_examples=150)
@given(assessment_with_findings(), st.data())
def test_with_value_never_mutates_its_input(document: Assessment, data: st.DataObject) -> None:
    before = document.model_dump()
    spec = data.draw(st.sampled_from(FINDINGS))
    value = data.draw(valid_value(spec) | st.none())
    updated = with_value(document, spec.path, value)
    assert document.model_dump() == before
    assert updated is not document
    if spec.kind in ("number", "integer"):
        with contextlib.suppress(FieldError):
            with_value(document, spec.path, data.draw(out_of_range(spec)))
        assert document.model_dump() == before


@settings(max_examples=100)
@given(assessment_with_findings())
def test_documents_round_trip_through_json(document: Assessment) -> None:
    text = document.model_dump_json(exclude_none=True)
    assert Assessment.model_validate_json(text) == document
