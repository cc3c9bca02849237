"""The practice store: students' attempts and supervisors' own cases, apart from records.

Its own SQLite file in the data folder (``practice.sqlite3``, owner-only), its own small
schema (versioned with ``PRAGMA user_version``), its own engine: practice attempts never
reach the clinical database, its audit trail, its exports or its backups.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
    select,
)

from clinic_app.domain.practice.record import AttemptRecord
from clinic_app.private_files import make_private_folder
from clinic_app.storage.data_folder import data_folder
from clinic_app.storage.sqlite_setup import configure_sqlite_engine, ensure_private_file

PRACTICE_FILE_NAME = "practice.sqlite3"
SCHEMA_VERSION = 1

metadata = MetaData()
attempts = Table(
    "practice_attempts", metadata,
    Column("id", Integer, primary_key=True),
    Column("student", String(200), nullable=False, index=True),
    Column("case_id", String(60), nullable=False, index=True),
    Column("case_title", String(200), nullable=False),
    Column("mode", String(20), nullable=False),
    Column("committed_at", DateTime(timezone=True), nullable=False),
    Column("seconds_used", Integer),
    Column("time_limit_minutes", Integer),
    Column("total", Integer, nullable=False),
    Column("completeness", Float, nullable=False),
    Column("reasoning", Integer, nullable=False),
    Column("efficiency", Integer, nullable=False),
    Column("missed_items", Text, nullable=False),  # JSON list
    Column("attempt_json", Text, nullable=False),
    Column("result_json", Text, nullable=False),
)
own_cases = Table(
    "practice_cases", metadata,
    Column("case_id", String(60), primary_key=True),
    Column("case_json", Text, nullable=False),
    Column("added_by", String(200), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)


class PracticeStoreError(RuntimeError):
    pass


def default_practice_file() -> Path:
    return data_folder() / PRACTICE_FILE_NAME


class SqlitePracticeStore:
    def __init__(self, engine: Engine, file: Path) -> None:
        self._engine = engine
        self.file = file

    @classmethod
    def open(cls, file: Path | None = None) -> SqlitePracticeStore:
        """Open (creating if needed) the practice file; ``PracticeStoreError`` when it was made
        by a newer version of the app."""
        file = file or default_practice_file()
        make_private_folder(file.parent)
        ensure_private_file(file)
        engine = create_engine(f"sqlite:///{file}")
        configure_sqlite_engine(engine)
        with engine.begin() as connection:
            version = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
            if version > SCHEMA_VERSION:
                engine.dispose()
                raise PracticeStoreError(
                    f"{file}: practice store schema {version} is newer than this app "
                    f"understands ({SCHEMA_VERSION}); update Clinic App"
                )
            metadata.create_all(connection)
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        ensure_private_file(file)  # tighten -wal/-shm created meanwhile
        return cls(engine, file)

    def close(self) -> None:
        self._engine.dispose()

    def add_attempt(self, record: AttemptRecord) -> int:
        values = {column.name: getattr(record, column.name) for column in attempts.columns
                  if column.name != "id"}
        values["missed_items"] = json.dumps(list(record.missed_items), ensure_ascii=False)
        with self._engine.begin() as connection:
            inserted = connection.execute(insert(attempts).values(**values))
            return int(inserted.inserted_primary_key[0])

    def attempts(self, student: str | None = None, case_id: str | None = None
                 ) -> list[AttemptRecord]:
        query = select(attempts).order_by(attempts.c.student, attempts.c.case_id, attempts.c.id)
        if student is not None:
            query = query.where(attempts.c.student == student)
        if case_id is not None:
            query = query.where(attempts.c.case_id == case_id)
        with self._engine.begin() as connection:
            rows = connection.execute(query).mappings().all()
        return [
            AttemptRecord(**{**row, "missed_items": tuple(json.loads(row["missed_items"])),
                             "committed_at": _aware(row["committed_at"])})
            for row in rows
        ]

    def add_case(self, case_id: str, case_json: str, added_by: str, added_at: datetime) -> None:
        """Add or replace a supervisor's own case."""
        with self._engine.begin() as connection:
            connection.execute(own_cases.delete().where(own_cases.c.case_id == case_id))
            connection.execute(insert(own_cases).values(
                case_id=case_id, case_json=case_json, added_by=added_by, added_at=added_at
            ))

    def own_cases(self) -> list[str]:
        with self._engine.begin() as connection:
            return list(connection.execute(
                select(own_cases.c.case_json).order_by(own_cases.c.case_id)
            ).scalars())


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
