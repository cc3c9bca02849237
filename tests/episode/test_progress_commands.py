"""``progress`` and ``export --progress/--discharge/--ics`` in a subprocess, on a case with a
baseline and a follow-up without meaningful change after 10 weeks of adherent treatment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from icalendar import Calendar
from pypdf import PdfReader

CASE = Path(__file__).parents[1] / "decision" / "cases" / "h22_pfp_non_responder.json"


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLINIC_APP_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-m", "clinic_app", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_non_responder_progress_report_discharge_and_calendar(tmp_path: Path) -> None:
    case = json.loads(CASE.read_text(encoding="utf-8"))
    case["assessment"]["follow_up_date"] = "2025-06-15"
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(case), encoding="utf-8")
    assert run(tmp_path, "import", str(case_file)).returncode == 0

    shown = run(tmp_path, "progress", "--patient", "1", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    progress = json.loads(shown.stdout)
    assert progress["non_responder"] is True
    assert progress["conclusion"][0].startswith("Not responding to treatment")
    akps = next(m for m in progress["measures"] if m["key"] == "akps")
    assert (akps["values"], akps["change"], akps["mcid"], akps["verdict"]) == (
        [68, 73], 5, 10, "not_meaningful")
    text = run(tmp_path, "progress", "--patient", "1").stdout
    assert "Conclusion: Not responding to treatment" in text
    assert "Kujala AKPS: +5 points (68 -> 73): not meaningful (MCID 10 points" in text

    out = tmp_path / "out"
    out.mkdir()
    exported = run(tmp_path, "export", "--assessment", "2", "--progress",
                   str(out / "progress.pdf"), "--discharge", str(out / "discharge.pdf"),
                   "--ics", str(out / "follow-up.ics"))
    assert exported.returncode == 0, exported.stderr
    report = pdf_text(out / "progress.pdf")
    conclusion = report.index("Conclusion")
    assert report.index("Not responding to treatment", conclusion) < report.index(
        "Leading impression", conclusion)
    assert "68 (2025-03-23) 73 +5 not meaningful 10 points (Crossley 2004)" in report
    assert "Usual pain (NPRS) 5 (2025-03-23) 4 -1 not meaningful 2 points or 30 %" in report
    discharge = pdf_text(out / "discharge.pdf")
    for words in ("Discharge summary", "Final outcome scores", "Home programme",
                  "When to come back", "Discharge criteria met: not all"):
        assert words in discharge
    event = Calendar.from_ical((out / "follow-up.ics").read_bytes()).walk("VEVENT")[0]
    assert event.decoded("dtstart").isoformat() == "2025-06-15"


def test_unknown_patient_is_one_line_naming_the_option(tmp_path: Path) -> None:
    assert run(tmp_path, "db", "upgrade").returncode == 0
    result = run(tmp_path, "progress", "--patient", "42")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "progress: --patient 42: no patient with id 42; expected the id of a patient with at "
        "least one assessment")
