"""SIGKILL at random moments during scripted saves: the database stays intact and keeps
every acknowledged save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app.app import build_services
from clinic_app.storage.database import Database
from clinic_app.storage.integrity import full_check

KILLS = 20
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_sigkill_loop_keeps_every_acknowledged_save(tmp_path: Path) -> None:
    database_file = tmp_path / "crash.sqlite3"
    Database.open(f"sqlite+pysqlite:///{database_file}").close()  # migrate once, up front
    randomness = random.Random(20240506)
    acknowledged: dict[int, tuple[int, str]] = {}
    for run in range(KILLS):
        kill_after = randomness.randint(0, 40)  # acknowledged writes before the kill
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.records.crash_worker", str(database_file), str(run)],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        )
        assert worker.stdout is not None
        for lines, line in enumerate(worker.stdout, start=1):
            _ack, assessment_id, version, text = line.rstrip("\n").split(" ", 3)
            acknowledged[int(assessment_id)] = (int(version), text)
            if lines > kill_after:
                break
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        assert worker.returncode == -signal.SIGKILL, worker.stderr.read() if worker.stderr else ""
        # Whatever the worker wrote after its last printed ack may or may not be there.
        for line in worker.stdout:
            _ack, assessment_id, version, text = line.rstrip("\n").split(" ", 3)
            acknowledged[int(assessment_id)] = (int(version), text)

    database = Database.open(f"sqlite+pysqlite:///{database_file}")
    try:
        assert full_check(database.engine).ok
        services = build_services(database)
        assert services.audit.verify().intact
        for assessment_id, (version, text) in acknowledged.items():
            stored = services.assessments.load(assessment_id)
            assert stored.version >= version, f"assessment {assessment_id} lost a save"
            if stored.version == version and text != "-":
                assert stored.assessment.referral == text
        assert len(acknowledged) > KILLS  # the loop really created and saved
    finally:
        database.close()
