"""Cold start to the main window shown with 10,000 patients, against a bare QMainWindow process."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from clinic_app.storage.database import Database
from tests.benchmarks.measure import Result, time_process
from tests.benchmarks.populate import populate

HERE = Path(__file__).parent


def run(quick: bool) -> list[Result]:
    repeat = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "CLINIC_APP_DATA_DIR": folder,
            "XDG_CONFIG_HOME": str(Path(folder) / "config"),
            "CLINIC_APP_QUIT_AFTER_SHOWN_MS": "0",
        }
        database = Database.open(f"sqlite:///{folder}/clinic.sqlite3")
        populate(database, 10_000)
        database.close()
        baseline = time_process([str(HERE / "bare_window.py")], env, repeat)
        measured = time_process(["-m", "clinic_app"], env, repeat)
    return [
        Result("cold start, 10,000 patients, to main window shown", measured, baseline,
               "bare QMainWindow process", "<= 2.5x"),
    ]
