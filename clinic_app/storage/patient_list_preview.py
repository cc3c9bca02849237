"""The first page of the patient list, read straight from the SQLite file before the
database is opened: importing SQLAlchemy and the whole domain takes longer than showing
the window, and the clinician should not wait for it to see the patients.

Read-only and best effort: None whenever the file cannot be read this way (missing,
encrypted, not yet created, an older schema); the list is then filled once the database
is open. Nothing is written, so the integrity check and the migrations still come first
for anything that changes data.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from clinic_app.domain.patient_listing import ListedPatient, ListedRecord, plain_label
from clinic_app.storage.data_folder import default_database_file

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"  # an encrypted file starts with random bytes
_SQLITE_PREFIX = "sqlite:///"
# Same order as the repository's search, through the same (family_key, given_key, id) index.
_FIRST_PAGE = (
    "SELECT id, family_name, given_names, date_of_birth, sex, identifier FROM patients "
    "ORDER BY family_key, given_key, id LIMIT ?"
)

log = logging.getLogger(__name__)


def preview_file(url: str | None) -> Path | None:
    """The plain SQLite file ``url`` names (None: the default file); None for other URLs."""
    if url is None:
        return default_database_file()
    if url.startswith(_SQLITE_PREFIX) and "?" not in url and url != _SQLITE_PREFIX:
        return Path(url.removeprefix(_SQLITE_PREFIX)).expanduser().absolute()
    return None


def first_patients(database_file: Path, limit: int) -> list[ListedRecord] | None:
    """The first ``limit`` patients in name order, or None when they cannot be read here."""
    try:
        with database_file.open("rb") as handle:
            if handle.read(len(PLAIN_SQLITE_HEADER)) != PLAIN_SQLITE_HEADER:
                return None
        uri = f"{database_file.as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            rows = connection.execute(_FIRST_PAGE, (limit,)).fetchall()
        return [_record(row) for row in rows]
    except Exception as error:  # any failure only means: wait for the database instead
        log.info("patient list preview skipped: %s", type(error).__name__)
        return None


def _record(row: tuple[int, str, str, str, str, str | None]) -> ListedRecord:
    patient_id, family_name, given_names, born, sex, identifier = row
    return ListedRecord(patient_id, ListedPatient(
        family_name, given_names, date.fromisoformat(born), plain_label(sex), identifier
    ))
