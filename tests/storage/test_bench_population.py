"""The benchmarks' fast fill (straight SQL, for a million patients) stores exactly what the
repository stores, so the 1,000,000-patient figures measure a database the app could have
written; and the search finds the same patients in both."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from clinic_app.storage.database import Database
from tests.benchmarks.populate import (
    DATABASE_NAME,
    audit_key_in,
    populate,
    populated_folder,
)

TABLES = {
    "patients": "id, family_name, given_names, date_of_birth, sex, identifier, phone, email, "
                "address, family_key, given_key, identifier_key",
    "patient_search_terms": "term, family_key, given_key, patient_id",
    "patient_search_prefixes": "prefix, family_key, given_key, patient_id",
}


def rows(database_file: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(database_file)) as connection:
        return {
            table: connection.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2, 3, 4")
            .fetchall()
            for table, columns in TABLES.items()
        }


def test_the_fast_fill_stores_what_the_repository_stores(tmp_path: Path) -> None:
    through_app, fast = tmp_path / "app", tmp_path / "fast"
    through_app.mkdir()
    fast.mkdir()
    with audit_key_in(through_app):
        database = Database.open(f"sqlite:///{through_app / DATABASE_NAME}")
        populate(database, 400)
        database.close()
    populated_folder(fast, 400)
    assert rows(through_app / DATABASE_NAME) == rows(fast / DATABASE_NAME)

    with audit_key_in(fast):
        database = Database.open(f"sqlite:///{fast / DATABASE_NAME}")
        try:
            with database.unit_of_work() as uow:
                assert len(uow.patients.search("mrn000", 1000)) == 400
        finally:
            database.close()
