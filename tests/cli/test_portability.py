"""Import and export along the user's path: the five demo case files imported, then the
same assessments exported as case files give equal documents; a whole record and an
anonymised export; a FHIR export from the command line."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle

from clinic_app.cli.commands_case import read_case
from clinic_app.domain.case_file import parse_case
from clinic_app.resources import demo_case_paths

REPO = Path(__file__).resolve().parents[2]
DEMO_CASES = demo_case_paths()


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8",
                   "CLINIC_APP_DATA_DIR": str(data_dir)}
    environment.pop("CLINIC_APP_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "clinic_app", *args],
        capture_output=True, text=True, cwd=REPO, env=environment, timeout=120, check=False,
    )


def imported(tmp_path: Path) -> tuple[Path, list[int]]:
    data = tmp_path / "data"
    result = run_cli(data, "import", *map(str, DEMO_CASES))
    assert result.returncode == 0, result.stderr
    ids = [int(m) for m in re.findall(r"assessment (\d+) stored as a draft", result.stdout)]
    assert len(ids) == len(DEMO_CASES)
    return data, ids


def test_imported_demo_cases_export_as_equal_case_files(tmp_path: Path) -> None:
    data, ids = imported(tmp_path)
    for path, assessment_id in zip(DEMO_CASES, ids, strict=True):
        out = tmp_path / f"exported-{assessment_id}.json"
        result = run_cli(data, "export", "--assessment", str(assessment_id), "--case", str(out))
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        original, exported = read_case(path), read_case(out)
        assert exported.patient == original.patient
        assert exported.assessment == original.assessment
        assert exported.earlier_assessments == original.earlier_assessments


def test_importing_again_matches_the_stored_patients(tmp_path: Path) -> None:
    data, _ = imported(tmp_path)
    again = run_cli(data, "import", str(DEMO_CASES[0]))
    assert again.returncode == 0, again.stderr
    assert "matched the stored patient 1" in again.stdout


def test_a_whole_record_and_a_fhir_document_from_the_command_line(tmp_path: Path) -> None:
    data, ids = imported(tmp_path)
    run_cli(data, "import", str(DEMO_CASES[0]))  # a second visit of patient 1
    folder = tmp_path / "record"
    result = run_cli(data, "export", "--patient", "1", "--record", str(folder))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["assessment-1.fhir.json", "assessment-1.json",
                     "assessment-6.fhir.json", "assessment-6.json"]
    later = read_case(folder / "assessment-6.json")
    assert len(later.earlier_assessments) == 1  # the earlier visit travels with the later
    Bundle.model_validate(json.loads((folder / "assessment-6.fhir.json").read_text()))
    fhir = tmp_path / "note.fhir.json"
    assert run_cli(data, "export", "--assessment", str(ids[1]), "--fhir", str(fhir)).returncode == 0
    assert Bundle.model_validate(json.loads(fhir.read_text())).type == "document"


def test_an_anonymised_export_is_a_valid_case_file_without_identity(tmp_path: Path) -> None:
    data = tmp_path / "data"
    case = json.loads(DEMO_CASES[0].read_text(encoding="utf-8"))
    case["patient"].update(identifier="NHS 943 476 5919", phone="+44 20 7946 0000",
                           email="emma@example.org", address="1 High Street, Leeds")
    case["assessment"]["clinician"] = "Dr Jane Smith"
    case["assessment"]["soap_text"] = {"subjective": "Emma's coach says she ran Leeds 10k"}
    source = tmp_path / "case.json"
    source.write_text(json.dumps(case), encoding="utf-8")
    assert run_cli(data, "import", str(source), str(source)).returncode == 0
    out = tmp_path / "anonymised.json"
    folder = tmp_path / "record"
    assert run_cli(data, "export", "--assessment", "1", "--case", str(out),
                   "--anonymised").returncode == 0
    assert run_cli(data, "export", "--patient", "1", "--record", str(folder),
                   "--anonymised").returncode == 0
    text = out.read_text(encoding="utf-8")
    for secret in ("Hartley", "Emma", "943", "7946", "example.org", "High Street", "Smith",
                   "Leeds", "1998-07-14", "2025-03-10"):
        assert secret not in text
    anonymous = parse_case(text, today=date.today())  # a valid case file
    original = read_case(source)
    shift = anonymous.assessment.assessment_date - original.assessment.assessment_date
    assert shift.days < 0
    assert anonymous.patient.date_of_birth - original.patient.date_of_birth == shift
    assert anonymous.assessment.outcomes == original.assessment.outcomes  # findings kept
    # a whole record shifts every visit alike: the interval between visits stays true
    first, second = (read_case(folder / f"case-{n}.json") for n in (1, 2))
    assert second.earlier_assessments == [first.assessment]
    assert first.patient.date_of_birth == second.patient.date_of_birth
    assert "Hartley" not in (folder / "case-2.fhir.json").read_text(encoding="utf-8")
