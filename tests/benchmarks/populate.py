"""Fill a database with many synthetic patients: through the real repositories (small
sizes), or straight into SQLite for the million-patient rows, generated once into a cache
outside the repository."""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, timedelta
from pathlib import Path

from clinic_app.domain.patient import Patient, Sex, search_key
from clinic_app.storage.audit_key import KEY_FILE_VARIABLE
from clinic_app.storage.database import Database
from clinic_app.storage.migrator import HEAD_REVISION
from clinic_app.storage.patient_search import short_prefixes, words_of

FAMILY = ["Smith", "Okafor", "Ñúñez-Øster", "Петров", "Müller", "Lindqvist", "Moreno", "Brennan",
          "Hartley", "Nguyen", "Kowalski", "O'Brien", "Haddad", "Rossi", "Tanaka", "Dubois"]
GIVEN = ["Anna", "Zoë", "Иван", "Jonas", "Emma", "Daniel", "Tomás", "Michael", "Aisha", "Lucía",
         "Kai", "Mei", "Olu", "Sven", "Chloé", "Ravi"]
SEXES = [sex.value for sex in Sex]
LARGE = 1_000_000
DATABASE_NAME = "clinic.sqlite3"
KEY_NAME = "audit.key"


def synthetic_rows(count: int, seed: int = 7) -> Iterator[tuple[str, str, date, str, str]]:
    """(family, given, born, sex, identifier), the same for the same seed."""
    rng = random.Random(seed)
    first_birthday = date(1930, 1, 1)
    for number in range(count):
        family = f"{rng.choice(FAMILY)}{'' if rng.random() < 0.3 else rng.randint(1, 9999)}"
        given = rng.choice(GIVEN)
        born = first_birthday + timedelta(days=rng.randint(0, 32000))
        yield family, given, born, rng.choice(SEXES), f"MRN{number:07d}"


def synthetic_patients(count: int, seed: int = 7) -> list[Patient]:
    return [
        Patient(family_name=family, given_names=given, date_of_birth=born, sex=Sex(sex),
                identifier=identifier)
        for family, given, born, sex, identifier in synthetic_rows(count, seed)
    ]


@contextmanager
def audit_key_in(folder: Path) -> Iterator[None]:
    """Open databases with the audit key kept next to them (as the app will, later)."""
    before = os.environ.get(KEY_FILE_VARIABLE)
    os.environ[KEY_FILE_VARIABLE] = str(folder / KEY_NAME)
    try:
        yield
    finally:
        if before is None:
            del os.environ[KEY_FILE_VARIABLE]
        else:
            os.environ[KEY_FILE_VARIABLE] = before


def populate(database: Database, count: int) -> None:
    batch = 5000
    patients = synthetic_patients(count)
    for start in range(0, count, batch):
        with database.unit_of_work() as uow:
            for patient in patients[start:start + batch]:
                uow.patients.add(patient)
            uow.commit()


def populated_folder(folder: Path, count: int) -> None:
    """``folder`` gets ``clinic.sqlite3`` with ``count`` patients and its ``audit.key``."""
    with audit_key_in(folder):
        database = Database.open(f"sqlite:///{folder / DATABASE_NAME}")
        database.close()
    _bulk_insert(folder / DATABASE_NAME, count)


def cached_folder(count: int = LARGE) -> Path:
    """A folder holding a database of ``count`` patients, made once (a few minutes for a
    million) under $XDG_CACHE_HOME/clinic-app-bench; copy it before opening it."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = cache / "clinic-app-bench" / f"patients-{count}-{HEAD_REVISION}"
    if not (folder / DATABASE_NAME).is_file():
        partial = folder.with_name(folder.name + ".partial")
        partial.mkdir(parents=True, exist_ok=True)
        for leftover in partial.iterdir():
            leftover.unlink()
        populated_folder(partial, count)
        partial.rename(folder)
    return folder


def cached_files(count: int = LARGE) -> list[Path]:
    """The database and its audit key, to copy into a temporary data folder."""
    folder = cached_folder(count)
    return [folder / DATABASE_NAME, folder / KEY_NAME]


def _bulk_insert(database_file: Path, count: int) -> None:
    """Rows as the repository writes them, without the ORM (a million in minutes)."""
    stamp = "2026-11-27 12:00:00.000000"
    with closing(sqlite3.connect(database_file)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = OFF")  # a cache: rebuilt if interrupted
        patients, terms, prefixes = [], [], []
        for number, (family, given, born, sex, identifier) in enumerate(
            synthetic_rows(count), start=1
        ):
            family_key, given_key = search_key(family), search_key(given)
            patients.append((number, family, given, born.isoformat(), sex, identifier,
                             family_key, given_key, search_key(identifier), stamp, stamp))
            words = {*words_of(family), *words_of(given), *words_of(identifier)}
            terms.extend((word, family_key, given_key, number) for word in words)
            prefixes.extend(
                (prefix, family_key, given_key, number) for prefix in short_prefixes(words)
            )
            if len(patients) == 50_000 or number == count:
                connection.executemany(
                    "INSERT INTO patients (id, family_name, given_names, date_of_birth, sex, "
                    "identifier, family_key, given_key, identifier_key, created_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", patients)
                connection.executemany(
                    "INSERT INTO patient_search_terms (term, family_key, given_key, "
                    "patient_id) VALUES (?, ?, ?, ?)", terms)
                connection.executemany(
                    "INSERT INTO patient_search_prefixes (prefix, family_key, given_key, "
                    "patient_id) VALUES (?, ?, ?, ?)", prefixes)
                for rows in (patients, terms, prefixes):
                    rows.clear()
        connection.commit()  # no ANALYZE: the app never runs one either
