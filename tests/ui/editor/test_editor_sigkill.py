"""Kill the running editor mid-exam: everything typed more than a second earlier is stored."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from clinic_app.app import build_services, open_database
from clinic_app.domain.fields import get_value

DRIVER = Path(__file__).with_name("kill_driver.py")
REPO_ROOT = Path(__file__).resolve().parents[3]
KEYSTROKE_INTERVAL_MS = 30
KEYSTROKES_BEFORE_KILL = 150  # about 4.5 s of typing, across several fields
ALLOWED_LOSS_SECONDS = 1.0


@pytest.mark.slow
def test_sigkill_loses_at_most_the_last_second(database_url, patient_record, assessment_record):
    python_path = [str(REPO_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(python_path)}
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), database_url, str(patient_record.id),
         str(assessment_record.id), str(KEYSTROKE_INTERVAL_MS)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=env,
    )
    received: list[tuple[float, str]] = []
    enough = threading.Event()

    def read_lines() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            received.append((time.monotonic(), line.strip()))
            if len(received) > KEYSTROKES_BEFORE_KILL:
                enough.set()
        enough.set()  # the driver ended: the test reports it below

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    try:
        assert enough.wait(timeout=120), "the driver produced no keystrokes"
        assert process.poll() is None, "the driver ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
    reader.join(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert received[0][1] == "READY"

    keystrokes = [
        (at, tuple(entry["path"]), entry["value"])
        for at, line in received[1:]
        if line.startswith("{")
        for entry in [json.loads(line)]
    ]
    cutoff = killed_at - ALLOWED_LOSS_SECONDS
    assert sum(1 for at, _, _ in keystrokes if at <= cutoff) >= 60
    assert keystrokes[-1][0] > cutoff  # the kill came in the middle of typing

    stored = build_services(open_database(database_url)).assessments.load(assessment_record.id)
    checked = 0
    for path in {path for _, path, _ in keystrokes}:
        states = [(at, value) for at, p, value in keystrokes if p == path]
        settled = [value for at, value in states if at <= cutoff]
        if not settled:
            continue
        # Stored: the state reached a second before the kill, or anything typed after it.
        allowed = [settled[-1], *(value for at, value in states if at > cutoff)]
        assert get_value(stored.assessment, path) in allowed, path
        checked += 1
    assert checked >= 3
