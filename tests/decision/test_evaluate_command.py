"""``clinic-app evaluate CASE.json``: text and JSON output, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clinic_app.cli import main
from clinic_app.domain.decision import RULE_SET_VERSION
from clinic_app.resources import resource

CASE2 = resource("demo", "case2.json")


@pytest.fixture
def case2() -> Path:
    assert CASE2.is_file(), f"demo case 2 missing: {CASE2}"
    return CASE2


def test_text_output_shows_conclusion_first(case2: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["evaluate", str(case2)]) == 0
    out = capsys.readouterr().out
    assert out.index("CONCLUSION") < out.index("HINTS")
    assert "Urgency: EMERGENCY" in out
    assert "frog-leg lateral" in out
    assert "Loading programme: WITHHELD" in out
    assert "Peck DM" in out  # the source of the SCFE hint


def test_json_output_is_stable_and_complete(case2: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["evaluate", str(case2), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "clinic-app-evaluation"
    assert document["format_version"] == 1
    assert document["rule_set_version"] == RULE_SET_VERSION
    conclusion = document["conclusion"]
    assert conclusion["top_urgency"] == "emergency"
    assert conclusion["imaging"]["region"] == "both hips"
    assert conclusion["loading_programme_allowed"] is False
    scfe = next(hint for hint in document["hints"] if hint["rule_id"] == "SCFE")
    assert scfe["status"] == "fired" and scfe["category"] == "differential"
    assert {"path", "label", "value"} == set(scfe["triggers"][0])
    assert all(isinstance(path, str) for hint in document["hints"] for path in hint["missing"])


def test_invalid_case_exits_2_naming_field_value_and_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({
        "patient": {"family_name": "A", "given_names": "B", "date_of_birth": "2000-01-01",
                    "sex": "female"},
        "assessment": {"assessment_date": "2025-01-01",
                       "patellar": {"right": {"lateral_glide_quadrants": 9}}},
    }), encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "patellar.right.lateral_glide_quadrants" in err and "9" in err and "4" in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["evaluate", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
