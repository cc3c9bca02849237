"""Killed during an outage: the edit kept on this computer is saved at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app.app import build_services, open_database
from clinic_app.domain.fields import get_value
from clinic_app.storage.data_folder import data_folder
from clinic_app.ui.application import QUIT_WHEN_READY

DRIVER = Path(__file__).with_name("outage_driver.py")
REPO_ROOT = Path(__file__).resolve().parents[3]
BODY_MASS = ("history", "body", "body_mass_kg")

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def database_url(restartable_cluster) -> str:
    return restartable_cluster.url(restartable_cluster.create_database())


def subprocess_env() -> dict[str, str]:
    python_path = [str(REPO_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    path = os.pathsep.join(python_path)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path}


def read_until(process: subprocess.Popen[str], wanted: str) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == wanted:
            return
    pytest.fail(f"the driver ended before printing {wanted}")


def test_an_edit_kept_during_an_outage_survives_a_kill(
    tmp_path, restartable_cluster, database_url, patient_record, assessment_record
):
    go_file = tmp_path / "go"
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), database_url, str(patient_record.id),
         str(assessment_record.id), str(go_file)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=subprocess_env(),
    )
    try:
        read_until(process, "READY")
        restartable_cluster.halt()
        go_file.touch()
        read_until(process, "KEPT")
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    entry = data_folder() / "unsaved" / f"assessment-{assessment_record.id}.json"
    assert entry.is_file()
    assert entry.stat().st_mode & 0o077 == 0  # owner-only

    restartable_cluster.resume()
    started = subprocess.run(
        [sys.executable, "-m", "clinic_app", "--database", database_url],
        env={**subprocess_env(), QUIT_WHEN_READY: "200"}, capture_output=True, text=True,
        timeout=120,
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert not entry.exists()
    stored = build_services(open_database(database_url)).assessments.load(assessment_record.id)
    assert get_value(stored.assessment, BODY_MASS) == 68
