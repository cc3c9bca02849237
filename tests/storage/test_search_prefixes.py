"""Common words are searched through their short prefixes' rows (migration 0010): the
same patients, in the same order, as through the words themselves; on SQLite and
PostgreSQL, for a database migrated with patients already in it too."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from clinic_app.domain.patient import Patient, Sex
from clinic_app.storage import patient_repository
from clinic_app.storage.database import Database
from clinic_app.storage.migrator import alembic_config
from clinic_app.storage.patient_search import short_prefixes
from tests.benchmarks.populate import synthetic_patients

QUERIES = ["m", "sm", "smi", "zoe", "петров", "mrn0001", "dubois chl", "tanaka kai", "o br",
           "ñúñez-øster", "a b", "x", "kai tanaka"]


def searched(database: Database, text: str, limit: int, after: int | None = None) -> list[int]:
    with database.unit_of_work() as uow:
        return [record.id for record in uow.patients.search(text, limit, after)]


def test_common_and_rare_word_plans_find_the_same_patients_in_the_same_order(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with database.unit_of_work() as uow:
        for patient in synthetic_patients(600):
            uow.patients.add(patient)
        uow.commit()
    for query in QUERIES:
        monkeypatch.setattr(patient_repository, "WORD_COUNT_CAP", 10**9)  # every word rare
        by_words = searched(database, query, 40)
        next_by_words = searched(database, query, 40, by_words[-1]) if by_words else []
        monkeypatch.setattr(patient_repository, "WORD_COUNT_CAP", 0)  # every word common
        assert searched(database, query, 40) == by_words, query
        if by_words:
            assert searched(database, query, 40, by_words[-1]) == next_by_words, query
    assert searched(database, "m", 40)  # the synthetic identifiers all start with MRN


def test_the_migration_indexes_the_prefixes_of_patients_already_stored(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0009_episode_of_care")
        connection.execute(text(
            "INSERT INTO patients (id, family_name, given_names, date_of_birth, sex, "
            "family_key, given_key, created_at, updated_at) VALUES (7, 'Ñúñez-Øster', 'Zoë', "
            "'1990-01-02', 'female', 'nunez-oster', 'zoe', :at, :at)"),
            {"at": "2026-01-01 00:00:00"})
        for term in ("nunez", "oster", "zoe"):
            connection.execute(text(
                "INSERT INTO patient_search_terms (term, family_key, given_key, patient_id) "
                "VALUES (:term, 'nunez-oster', 'zoe', 7)"), {"term": term})
        command.upgrade(alembic_config(connection), "0010_search_indexes")
        stored = {row[0] for row in connection.execute(text(
            "SELECT prefix FROM patient_search_prefixes WHERE patient_id = 7"))}
    engine.dispose()
    assert stored == short_prefixes({"nunez", "oster", "zoe"})

    database = Database.open(database_url)
    try:
        with database.unit_of_work() as uow:
            uow.patients.add(Patient(family_name="Other", given_names="Ann",
                                     date_of_birth=date(1980, 1, 1), sex=Sex.OTHER))
            uow.commit()
        assert searched(database, "z", 10) == [7]
        with database.unit_of_work() as uow:
            uow.patients.delete(7)
            uow.commit()
        assert searched(database, "z", 10) == []
    finally:
        database.close()
