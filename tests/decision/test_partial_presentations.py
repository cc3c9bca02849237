"""Partial presentations (issue 11, acceptance): ``clinic-app evaluate`` in its own process
on cases with only some key features of a red-flag condition recorded. Never routine, the
loading programme withheld, the condition named as possible with the findings to complete.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases" / "partial"
EXPECTED = {  # case -> (rule whose condition is possible or fired, a finding it asks for)
    "p1_septic_arthritis": ("RF-SEPTIC", "Effusion"),
    "p2_bone_tumour": ("RF-TUMOUR", "Palpable mass"),
    "p3_dvt": ("RF-DVT", "Calf swelling"),
    "p4_fracture_after_fall": ("OTTAWA", "Fibular head tender"),
    "p5_extensor_rupture": ("RF-EXTENSOR", "Straight-leg raise"),
    "p6_stress_fracture": ("STRESS-FRACTURE", "Focal bony tenderness"),
    "p7_locked_knee": ("RF-LOCKED-KNEE", "Block to extension"),
    "p8_scfe": ("SCFE", "Hip internal rotation"),
}


def evaluate_in_process(case: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CLINIC_APP_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "clinic_app", "evaluate", str(case), *extra],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )


def test_every_partial_case_is_listed() -> None:
    assert sorted(path.stem for path in CASES.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_partial_red_flag_is_never_routine(name: str, tmp_path: Path) -> None:
    rule_id, asked_for = EXPECTED[name]
    result = evaluate_in_process(CASES / f"{name}.json", tmp_path, "--format", "json")
    assert result.returncode == 0, result.stderr
    evaluation = json.loads(result.stdout)
    conclusion = evaluation["conclusion"]
    assert conclusion["top_urgency"] != "routine"
    assert conclusion["loading_programme_allowed"] is False
    possible = {p["rule_id"]: p for p in conclusion["possible"]}
    text = evaluate_in_process(CASES / f"{name}.json", tmp_path)
    assert text.returncode == 0, text.stderr
    assert "Urgency: ROUTINE" not in text.stdout
    assert "Loading programme: WITHHELD" in text.stdout
    if rule_id in possible:
        assert any(asked_for in finding for finding in possible[rule_id]["to_complete"])
        assert possible[rule_id]["key_features_present"]
        assert ": complete " in text.stdout and asked_for in text.stdout
        return
    # Otherwise a fired rule already suspects the same condition at the same urgency or
    # higher (the action would not change): the rule still asks for its findings.
    [hint] = [h for h in evaluation["hints"] if h["rule_id"] == rule_id]
    assert hint["status"] == "cannot_evaluate", f"{name}: {rule_id} neither possible nor open"
    suspected = [h for h in evaluation["hints"] if h["status"] == "fired"
                 and h["urgency"] == conclusion["top_urgency"]]
    assert suspected, f"{name}: {rule_id} not possible and nothing as urgent fired"
    assert any(asked_for.lower().replace("-", "_").split()[0] in path
               for path in hint["missing"]), hint["missing"]
