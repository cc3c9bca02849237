"""Hostile and malformed case files: exit 2 with one clear line per problem, never a traceback.

Named inputs (the ones found on main) are checked message by message; generated
mutations of demo case 1 go through validate, evaluate and export in-process, and
a handful through the real console entry in its own process.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic_app.cli import main
from clinic_app.domain.case_file import MAX_CASE_FILE_BYTES
from clinic_app.domain.json_limits import MAX_DEPTH
from clinic_app.resources import demo_case_paths

REPO = Path(__file__).resolve().parents[2]
CASE1 = next(path for path in demo_case_paths() if path.name == "case1.json")
BASE: dict[str, Any] = json.loads(CASE1.read_text(encoding="utf-8"))
BASE_TEXT = json.dumps(BASE)


def mutated(change: Any) -> str:
    document = copy.deepcopy(BASE)
    change(document)
    return json.dumps(document)


def set_in(*path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        node = document
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
    return change


PAIN = ("assessment", "outcomes", "pain", "usual")
NAMED: dict[str, tuple[str | bytes, str]] = {
    "bigint": (
        mutated(set_in(*PAIN, value=123456789)).replace("123456789", "9" * 5000, 1),
        "assessment.outcomes.pain.usual (Usual pain): a 5000-digit number is not allowed; "
        "expected a whole number from 0 to 10 points",
    ),
    "deep": (
        '{"format": "clinic-app-case", "patient": ' + "[" * 100000 + "]" * 100000 + "}",
        f"(file): objects and lists nested too deep; expected at most {MAX_DEPTH} levels",
    ),
    "future": (
        mutated(set_in("assessment", "assessment_date", value="2999-01-01")),
        "assessment.assessment_date (Assessment date): 2999-01-01 is in the future; "
        "expected a date on or before ",
    ),
    "ancient": (
        mutated(set_in("patient", "date_of_birth", value="0001-01-01")),
        "assessment.assessment_date (Assessment date): 2025-03-10 makes the patient "
        "(born 0001-01-01) 2024 years old; expected an age from 0 to 120",
    ),
    "born_after_assessment": (
        mutated(set_in("patient", "date_of_birth", value="2025-04-01")),
        "assessment.assessment_date (Assessment date): 2025-03-10 is before the patient's "
        "date of birth (2025-04-01)",
    ),
    "string_number": (
        mutated(set_in(*PAIN, value="3")),
        "assessment.outcomes.pain.usual (Usual pain): '3' is not allowed; "
        "expected a whole number from 0 to 10 points",
    ),
    "string_yes_no": (
        mutated(set_in("assessment", "history", "complaint", "night_pain", value="true")),
        "assessment.history.complaint.night_pain (Night pain): 'true' is not allowed; "
        "expected true or false",
    ),
    "number_as_date": (
        mutated(set_in("patient", "date_of_birth", value=0)),
        "patient.date_of_birth (Date of birth): 0 is not allowed; expected a date as YYYY-MM-DD",
    ),
    "control": (
        mutated(set_in("patient", "family_name", value="Evil\u001b]0;x\u0007\u0000")),
        "patient.family_name (Family name): 'Evil\\x1b]0;x\\x07\\x00' is not allowed; "
        "it contains control character U+001B ESC; expected text without control characters",
    ),
    "c1_in_free_text": (
        mutated(set_in("assessment", "soap_text", "subjective", value="ok\n\tthen \x9b31m")),
        "assessment.soap_text.subjective (Subjective: clinician's notes): "
        "'ok\\n\\tthen \\x9b31m' is not allowed; it contains control character U+009B",
    ),
    "dup_keys": (
        BASE_TEXT.replace('"format": "clinic-app-case"',
                          '"format": "clinic-app-case", "format": "clinic-app-case"', 1),
        "format: duplicate key 'format'; expected each key at most once in an object",
    ),
    "nested_dup_keys": (
        BASE_TEXT.replace('"family_name":', '"family_name": "X", "family_name":', 1),
        "patient.family_name: duplicate key 'family_name'",
    ),
    "not_a_number": (
        mutated(set_in(*PAIN, value=1)).replace('"usual": 1', '"usual": NaN', 1),
        "assessment.outcomes.pain.usual (Usual pain): nan is not allowed",
    ),
    "long_value": (
        mutated(set_in("patient", "given_names", value="x" * 1_000_000)),
        "patient.given_names (Given names): '" + "x" * 60 + "'... (1000000 characters) "
        "is not allowed",
    ),
    "too_large": (
        " " * (MAX_CASE_FILE_BYTES + 1),
        f"(file): {MAX_CASE_FILE_BYTES + 1} bytes is too large; expected a case file of at most",
    ),
    "not_utf8": (b'{"title": "\xff"}', "(file): not UTF-8 text (byte 12 cannot be read)"),
}


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / f"{name}.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def run_main(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_hostile_input_gets_one_line_naming_field_and_value(
    tmp_path: Path, name: str
) -> None:
    content, expected = NAMED[name]
    path = write(tmp_path, name, content)
    code, out, err = run_main("validate", str(path))
    assert (code, out) == (2, "")
    (line,) = err.splitlines()
    assert line.startswith(f"{path}: {expected}"), line
    assert len(line) < 400


def test_every_demo_case_is_still_valid() -> None:
    code, _, err = run_main("validate", *map(str, demo_case_paths()))
    assert (code, err) == (0, "")


# -- generated malformed files -----------------------------------------------------------------

def leaf_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        children = node.items()
    elif isinstance(node, list):
        children = enumerate(node)
    else:
        return [path]
    found = [path] if path else []
    for key, value in children:
        found += leaf_paths(value, (*path, key))
    return found


PATHS = leaf_paths(BASE)
HOSTILE_VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.just("35"),
    st.just("x" * 10_000),
    st.just("\x00\x1b[2J\x7f\x85"),
    st.just("9999-12-31"),
    st.just("0001-01-01"),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _replace_at(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    copied = copy.deepcopy(document)
    node = copied
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copied


@st.composite
def malformed_files(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(
        ["value", "value", "value", "deep", "bigint", "duplicate", "truncate", "bytes", "utf8"]
    ))
    text = BASE_TEXT
    if kind == "value":
        path = draw(st.sampled_from(PATHS))
        return json.dumps(_replace_at(BASE, path, draw(HOSTILE_VALUES))).encode()
    if kind == "deep":
        depth = draw(st.integers(MAX_DEPTH - 5, 5000))
        path = draw(st.sampled_from(PATHS))
        nested = json.dumps(_replace_at(BASE, path, "@"))
        return nested.replace('"@"', "[" * depth + "]" * depth, 1).encode()
    if kind == "bigint":
        digits = draw(st.integers(20, 6000))
        path = draw(st.sampled_from(PATHS))
        return json.dumps(_replace_at(BASE, path, "@")).replace('"@"', "7" * digits, 1).encode()
    if kind == "duplicate":
        key = draw(st.sampled_from(sorted({p[-1] for p in PATHS if isinstance(p[-1], str)})))
        return text.replace(f'"{key}":', f'"{key}": 1, "{key}":', 1).encode()
    if kind == "truncate":
        return text.encode()[: draw(st.integers(0, len(text) - 1))]
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    encoded = text.encode()
    at = draw(st.integers(0, len(encoded)))
    return encoded[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) + encoded[at:]


def assert_refused_cleanly_or_valid(code: int, err: str, path: Path) -> None:
    assert "Traceback" not in err
    assert code in (0, 2), err
    if code == 2:
        lines = err.splitlines()
        assert lines, "a refusal names at least one problem"
        for line in lines:
            assert line.startswith(f"{path}: "), line
            assert len(line) < 600, line  # long values are shortened
            assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in line), line


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(malformed_files())
def test_generated_files_through_validate_and_evaluate(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), "case", content)
        for command in ("validate", "evaluate"):
            code, _, err = run_main(command, str(path))
            assert_refused_cleanly_or_valid(code, err, path)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(malformed_files())
def test_generated_files_through_export_write_nothing_on_refusal(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), "case", content)
        soap, text = Path(folder) / "out.pdf", Path(folder) / "out.txt"
        code, _, err = run_main("export", "--case", str(path), "--soap", str(soap),
                                "--text", str(text))
        assert_refused_cleanly_or_valid(code, err, path)
        assert soap.exists() == text.exists() == (code == 0)


# -- the real console entry --------------------------------------------------------------------

SUBPROCESS_CASES = ("bigint", "deep", "future", "control", "dup_keys", "string_number")


@pytest.mark.slow
@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_console_entry_refuses_with_one_line_and_writes_nothing(
    tmp_path: Path, name: str
) -> None:
    content, expected = NAMED[name]
    path = write(tmp_path, name, content)
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    soap = tmp_path / "note.pdf"
    for args in (["validate", str(path)], ["evaluate", str(path)],
                 ["export", "--case", str(path), "--soap", str(soap)]):
        result = subprocess.run(
            [sys.executable, "-m", "clinic_app", *args], capture_output=True, text=True,
            cwd=REPO, env=environment, timeout=120, check=False,
        )
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"{path}: {expected}")
        assert not soap.exists()
