"""Fixtures for the report tests: the demo cases, the library, and reading PDFs back."""

from __future__ import annotations

import pytest

from clinic_app.domain.case_file import CaseFile, parse_case
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.reports.exports import load_library
from clinic_app.resources import resource


def load_case(number: int) -> CaseFile:
    return parse_case(resource("demo", f"case{number}.json").read_text(encoding="utf-8"))


@pytest.fixture
def library() -> ExerciseLibrary:
    return load_library()


@pytest.fixture
def case1() -> CaseFile:
    return load_case(1)


@pytest.fixture
def case2() -> CaseFile:
    return load_case(2)
