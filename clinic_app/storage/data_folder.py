"""Where the app keeps its data unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "clinic-app"
DATA_DIR_VARIABLE = "CLINIC_APP_DATA_DIR"
DATABASE_FILE_NAME = "clinic.sqlite3"


def data_folder() -> Path:
    """``CLINIC_APP_DATA_DIR`` if set, else the platform's user data folder for the app."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_file() -> Path:
    return data_folder() / DATABASE_FILE_NAME
