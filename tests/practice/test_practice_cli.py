"""``clinic-app practice``: list, validate, grade, add-case and attempts, in a subprocess."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "CLINIC_APP_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-m", "clinic_app", "practice", *args],
                          capture_output=True, text=True, cwd=REPO, env=environment,
                          timeout=60, check=False)


def test_list_validate_and_grade(tmp_path: Path) -> None:
    data = tmp_path / "data"
    listed = run_cli("list", data=data)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) >= 15
    assert "scfe-girl\t11 y female" in listed.stdout
    attempt = tmp_path / "attempt.json"
    attempt.write_text(json.dumps({
        "case_id": "septic-knee", "student": "Sam", "mode": "osce", "time_limit_minutes": 15,
        "seconds_used": 480, "asked": ["history.complaint.night_pain", "patellar.clarke_sign"],
        "answer": {"impressions": ["Inflammatory arthritis or gout"], "urgency": "soon",
                   "imaging": "knee_radiographs", "loading_allowed": True},
    }))
    graded = run_cli("grade", str(attempt), data=data)
    assert graded.returncode == 0, graded.stderr
    result = json.loads(graded.stdout)
    assert result["missed_items"] == ["Red-flag screen", "Examine for warmth, redness and effusion"]
    assert (result["completeness"]["score"], result["efficiency"]["score"]) == (0, 8)
    assert result["seconds_used"] == 480 and result["total"] < 50
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"case_id": "no-such-case", "student": "Sam",
                               "answer": {"impressions": ["x"], "urgency": "soon",
                                          "imaging": "none", "loading_allowed": True}}))
    refused = run_cli("grade", str(bad), data=data)
    assert refused.returncode == 2
    assert "'no-such-case' is not a practice case here" in refused.stderr
    assert not (data / "clinic.sqlite3").exists()  # practice never opens the clinical database


def test_add_case_is_validated_and_kept_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = json.loads((REPO / "resources/practice/itb-cyclist.json").read_text())
    source["id"] = "my-own-itb"
    own = tmp_path / "own.json"
    own.write_text(json.dumps(source))
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**source, "must_do": []}))
    refused = run_cli("add-case", str(broken), data=data)
    assert refused.returncode == 2 and "must_do" in refused.stderr
    assert run_cli("add-case", str(own), "--by", "Dr Supervisor", data=data).returncode == 0
    assert "my-own-itb" in run_cli("list", data=data).stdout
    store = data / "practice.sqlite3"
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    csv = run_cli("attempts", data=data).stdout
    assert csv.splitlines()[0].startswith("attempt,student,case_id")
