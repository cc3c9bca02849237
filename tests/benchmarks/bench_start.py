"""Cold start with 10,000 and with 1,000,000 patients stored, against a bare QMainWindow
process.

Figures: the main window shown; the patient list usable (its first page listed, read
straight from the file); the database open and checked, the services attached (the
integrity check and the daily backup read the whole file, so that one grows with it)."""

from __future__ import annotations

import compileall
import os
import shutil
import tempfile
from pathlib import Path

import clinic_app
from tests.benchmarks.measure import MemoryResult, Result, Timing, peak_memory_mb, time_process
from tests.benchmarks.populate import LARGE, cached_files, populated_folder

HERE = Path(__file__).parent
SHOWN = {"CLINIC_APP_QUIT_BEFORE_DATABASE": "1"}
LISTED = {"CLINIC_APP_QUIT_WHEN_LISTED": "1"}
ATTACHED = {"CLINIC_APP_QUIT_AFTER_SHOWN_MS": "0"}
BARE = "bare QMainWindow process"


def run(quick: bool, large: bool = True) -> list[Result | MemoryResult]:
    # As installed: bytecode compiled once (pip does that), whatever PYTHONDONTWRITEBYTECODE says.
    compileall.compile_dir(Path(clinic_app.__file__).parent, quiet=1)
    repeat = 3 if quick else 7
    results: list[Result | MemoryResult] = []
    with tempfile.TemporaryDirectory() as folder:
        populated_folder(Path(folder), 2_000 if quick else 10_000)
        env = _app_env(folder)
        baseline = time_process([str(HERE / "bare_window.py")], env, repeat)
        label = "2,000" if quick else "10,000"
        results += [
            Result(f"cold start, {label} patients, to main window shown",
                   _app(env, SHOWN, repeat), baseline, BARE, "<= 2.5x"),
            Result(f"cold start, {label} patients, to patient list usable (first page)",
                   _app(env, LISTED, repeat), baseline, BARE, "<= 3x"),
            Result(f"cold start, {label} patients, to database open, services attached",
                   _app(env, ATTACHED, repeat), baseline, BARE, "reported"),
            MemoryResult(f"memory, {label} patients, services attached",
                         peak_memory_mb(["-m", "clinic_app"], {**env, **ATTACHED}),
                         peak_memory_mb([str(HERE / "bare_window.py")], env), BARE, "reported"),
        ]
    if large and not quick:
        with tempfile.TemporaryDirectory() as folder:
            for file in cached_files(LARGE):
                shutil.copyfile(file, Path(folder) / file.name)
                (Path(folder) / file.name).chmod(0o600)
            env = _app_env(folder)
            baseline = time_process([str(HERE / "bare_window.py")], env, repeat)
            results += [
                Result("cold start, 1,000,000 patients, to patient list usable (first page)",
                       _app(env, LISTED, repeat), baseline, BARE, "<= 3x"),
                Result("cold start, 1,000,000 patients, to database open, services attached",
                       _app(env, ATTACHED, 3), baseline, BARE, "reported"),
            ]
    return results


def _app_env(folder: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CLINIC_APP_DATA_DIR": folder,
        "XDG_CONFIG_HOME": str(Path(folder) / "config"),
    }


def _app(env: dict[str, str], hook: dict[str, str], repeat: int) -> Timing:
    return time_process(["-m", "clinic_app"], {**env, **hook}, repeat)
