"""The Alembic chain builds an empty database to head, and re-opening changes nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import create_engine, func, inspect, select, text

from clinic_app.domain.patient import Patient, Sex
from clinic_app.storage.database import Database
from clinic_app.storage.migrator import MIGRATIONS_FOLDER, head_revision
from clinic_app.storage.rows import Base, PatientRow


def test_a_fresh_database_is_migrated_to_head(database_url: str) -> None:
    database = Database.open(database_url)
    try:
        assert database.revision() == head_revision()
        with database.unit_of_work() as uow:
            assert uow.patients.count() == 0
        tables = set(inspect(database.engine).get_table_names())
    finally:
        database.close()
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_opening_twice_is_a_no_op(database_url: str) -> None:
    first = Database.open(database_url)
    with first.unit_of_work() as uow:
        uow.patients.add(
            Patient(
                family_name="Петров", given_names="Иван", date_of_birth=date(1970, 12, 31),
                sex=Sex.MALE,
            )
        )
        uow.commit()
    first.close()

    second = Database.open(database_url)
    try:
        assert second.revision() == head_revision()
        with second.engine.connect() as connection:
            versions = connection.scalar(text("SELECT count(*) FROM alembic_version"))
            patients = connection.scalar(select(func.count()).select_from(PatientRow))
    finally:
        second.close()
    assert (versions, patients) == (1, 1)


def test_migrations_match_the_row_definitions(database_url: str) -> None:
    """Autogenerate finds nothing to do: the chain and the ORM rows describe one schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    database = Database.open(database_url)
    database.close()
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_the_migration_scripts_are_package_files() -> None:
    assert (MIGRATIONS_FOLDER / "env.py").is_file()
    assert (MIGRATIONS_FOLDER / "script.py.mako").is_file()
    assert any((MIGRATIONS_FOLDER / "versions").glob("*.py"))


def test_the_start_up_shortcut_knows_the_real_head() -> None:
    from clinic_app.storage.migrator import HEAD_REVISION

    assert head_revision() == HEAD_REVISION, "update HEAD_REVISION after adding a migration"
