"""Cold start with 10,000 patients stored, against a bare QMainWindow process.

Two figures: the main window shown (the database opens from the event loop just
after), and the window ready, its patient list filled from the database."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from clinic_app.storage.database import Database
from tests.benchmarks.measure import MemoryResult, Result, peak_memory_mb, time_process
from tests.benchmarks.populate import populate

HERE = Path(__file__).parent


def run(quick: bool) -> list[Result | MemoryResult]:
    repeat = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "CLINIC_APP_DATA_DIR": folder,
            "XDG_CONFIG_HOME": str(Path(folder) / "config"),
        }
        database = Database.open(f"sqlite:///{folder}/clinic.sqlite3")
        populate(database, 10_000)
        database.close()
        baseline = time_process([str(HERE / "bare_window.py")], env, repeat)
        shown = time_process(
            ["-m", "clinic_app"], {**env, "CLINIC_APP_QUIT_BEFORE_DATABASE": "1"}, repeat
        )
        ready = time_process(
            ["-m", "clinic_app"], {**env, "CLINIC_APP_QUIT_AFTER_SHOWN_MS": "0"}, repeat
        )
        memory = peak_memory_mb(
            ["-m", "clinic_app"], {**env, "CLINIC_APP_QUIT_AFTER_SHOWN_MS": "0"}
        )
        bare_memory = peak_memory_mb([str(HERE / "bare_window.py")], env)
    return [
        Result("cold start, 10,000 patients, to main window shown", shown, baseline,
               "bare QMainWindow process", "<= 2.5x"),
        Result("cold start, 10,000 patients, to patient list filled", ready, baseline,
               "bare QMainWindow process", "none (reported)"),
        MemoryResult("memory, 10,000 patients, patient list filled", memory, bare_memory,
                     "bare QMainWindow process", "reported"),
    ]
