"""SQLite specifics: the default location, private files, WAL, foreign keys, durability."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clinic_app.domain.patient import Patient, Sex
from clinic_app.storage.clock import utc_now
from clinic_app.storage.data_folder import DATABASE_FILE_NAME
from clinic_app.storage.database import Database
from clinic_app.storage.rows import AssessmentRow

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def default_database() -> Iterator[Database]:
    database = Database.open(None)
    yield database
    database.close()


def test_default_database_lives_in_the_data_folder(default_database: Database) -> None:
    data_folder = Path(os.environ["CLINIC_APP_DATA_DIR"])
    assert (data_folder / DATABASE_FILE_NAME).is_file()
    assert str(data_folder / DATABASE_FILE_NAME) in default_database.display_url


@posix_only
def test_data_folder_and_files_are_private(default_database: Database) -> None:
    data_folder = Path(os.environ["CLINIC_APP_DATA_DIR"])
    with default_database.unit_of_work() as uow:  # a write makes SQLite create -wal and -shm
        uow.patients.add(_patient())
        uow.commit()
        database_file = data_folder / DATABASE_FILE_NAME
        side_files = [database_file.with_name(DATABASE_FILE_NAME + s) for s in ("-wal", "-shm")]
        assert all(path.exists() for path in side_files)
        assert mode_of(data_folder) == 0o700
        assert {path.name: mode_of(path) for path in [database_file, *side_files]} == {
            path.name: 0o600 for path in [database_file, *side_files]
        }


@posix_only
def test_an_existing_world_readable_file_is_tightened(tmp_path: Path) -> None:
    database_file = tmp_path / "shared.sqlite3"
    database_file.touch()
    os.chmod(database_file, 0o644)
    Database.open(f"sqlite:///{database_file}").close()
    assert mode_of(database_file) == 0o600


def test_every_connection_has_wal_foreign_keys_full_sync_and_busy_timeout(
    default_database: Database,
) -> None:
    with default_database.engine.connect() as connection:
        settings = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    assert settings == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2,
                        "busy_timeout": 5000}


def test_foreign_keys_are_enforced(default_database: Database) -> None:
    now = utc_now()
    with Session(default_database.engine) as session:
        session.add(
            AssessmentRow(
                patient_id=12345, assessment_date=date(2024, 1, 1), clinician="", status="draft",
                schema_version=1, version=1, document="{}", created_at=now, updated_at=now,
            )
        )
        with pytest.raises(IntegrityError):
            session.flush()


def test_errors_never_carry_patient_data(default_database: Database) -> None:
    with (
        default_database.engine.connect() as connection,
        pytest.raises(IntegrityError) as refused,
    ):
        connection.execute(
            text("INSERT INTO patients (id, family_name) VALUES (:id, :name)"),
            {"id": 1, "name": "Ñúñez-Øster"},
        )
    assert "Ñúñez" not in str(refused.value)


def test_an_in_memory_database_works_for_quick_tools() -> None:
    database = Database.open("sqlite://")
    try:
        with database.unit_of_work() as uow:
            uow.patients.add(_patient())
            uow.commit()
        with database.unit_of_work() as uow:
            assert uow.patients.count() == 1
    finally:
        database.close()


def _patient() -> Patient:
    return Patient(
        family_name="Петров", given_names="Иван", date_of_birth=date(1970, 12, 31), sex=Sex.MALE
    )
