"""``clinic-app schema`` and ``validate``: the real console entry, and main() in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app.cli import main
from clinic_app.resources import demo_case_paths

REPO = Path(__file__).resolve().parents[2]
DEMO_CASES = demo_case_paths()
PATIENT = {
    "family_name": "Test", "given_names": "Case", "date_of_birth": "1990-01-01", "sex": "other"
}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The console entry as a user runs it, in its own process."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "clinic_app", *args],
        capture_output=True, text=True, cwd=REPO, env=environment, timeout=60, check=False,
    )


@pytest.fixture
def three_errors(tmp_path: Path) -> Path:
    path = tmp_path / "three-errors.json"
    path.write_text(
        json.dumps(
            {
                "patient": PATIENT,
                "assessment": {
                    "assessment_date": "2025-01-02",
                    "history": {"body": {"body_mass_kg": 0}},
                    "foot_ankle": {"lunge": {"right": {"distance_cm": -5}}},
                    "outcomes": {"pain": {"worst_last_week": 11}},
                },
            }
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.slow
def test_demo_cases_are_valid_through_the_console_entry() -> None:
    assert len(DEMO_CASES) == 5
    result = run_cli("validate", *map(str, DEMO_CASES))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [f"{path}: valid" for path in DEMO_CASES]


@pytest.mark.slow
def test_three_bad_values_exit_2_with_three_lines(three_errors: Path) -> None:
    result = run_cli("validate", str(three_errors))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines == [
        f"{three_errors}: assessment.history.body.body_mass_kg (Body mass): 0 is not allowed; "
        "expected a number from 2 to 400 kg",
        f"{three_errors}: assessment.foot_ankle.lunge.right.distance_cm (Toe-to-wall distance): "
        "-5 is not allowed; expected a number from 0 to 25 cm",
        f"{three_errors}: assessment.outcomes.pain.worst_last_week (Worst pain in the last week): "
        "11 is not allowed; expected a whole number from 0 to 10 points",
    ]


@pytest.mark.slow
def test_schema_is_printed_as_json_schema() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert set(schema["required"]) == {"patient", "assessment"}
    assert "earlier_assessments" in schema["properties"]
    assert "Assessment" in schema["$defs"]


def test_validate_in_process_reports_each_file(
    three_errors: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(DEMO_CASES[0]), str(three_errors)]) == 2
    output = capsys.readouterr()
    assert output.out == f"{DEMO_CASES[0]}: valid\n"
    assert len(output.err.splitlines()) == 3
    assert all(line.startswith(f"{three_errors}: assessment.") for line in output.err.splitlines())


def test_validate_in_process_accepts_every_demo_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", *map(str, DEMO_CASES)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "(file): cannot read it (No such file or directory)"),
        (b"\xff\xfe not text", "(file): not UTF-8 text (byte 1 cannot be read); "
         "expected a JSON case file in UTF-8"),
        (b"{\"patient\": ", "(file): not valid JSON at line 1, column 13: Expecting value"),
        (b"[]", "(file): expected a JSON object with patient and assessment"),
    ],
)
def test_unreadable_files_are_one_line_each(
    tmp_path: Path, content: bytes | None, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.json"
    if content is not None:
        path.write_bytes(content)
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{path}: {expected}"]


def test_non_ascii_values_are_reported_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.json"
    document = {
        "patient": {**PATIENT, "sex": "жен"}, "assessment": {"assessment_date": "2025-01-02"}
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"{path}: patient.sex (Sex): 'жен' is not allowed; expected one of: female, male, other\n"
    )


def test_validate_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["validate"])
    assert exited.value.code == 2
    assert "FILE" in capsys.readouterr().err


def test_validate_upgrade_writes_a_version_1_case_file_as_version_2(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    old_assessment = {"schema_version": 1, "assessment_date": "2025-01-02",
                      "history": {"complaint": {"symptom_duration_weeks": 8}}}
    path.write_text(json.dumps({"patient": PATIENT, "assessment": old_assessment,
                                "earlier_assessments": [{**old_assessment,
                                                         "assessment_date": "2024-11-02"}]}),
                    encoding="utf-8")
    result = run_cli("validate", "--upgrade", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{path}: valid, upgraded from schema version 1 to 2"]
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["assessment"]["schema_version"] == 2
    assert written["earlier_assessments"][0]["schema_version"] == 2
    assert written["assessment"]["history"]["complaint"]["symptom_duration_weeks"] == 8
    assert path.stat().st_mode & 0o777 == 0o600
    again = run_cli("validate", "--upgrade", str(path))
    assert again.stdout.splitlines() == [f"{path}: valid, already schema version 2"]


def test_validate_upgrade_never_rewrites_an_invalid_file(three_errors: Path) -> None:
    before = three_errors.read_bytes()
    result = run_cli("validate", "--upgrade", str(three_errors))
    assert result.returncode == 2
    assert result.stdout == "" and len(result.stderr.splitlines()) == 3
    assert three_errors.read_bytes() == before
