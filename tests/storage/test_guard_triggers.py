"""The guard trigger list (clinic_app.storage.guard_triggers) is what the migrations
really create, on SQLite and PostgreSQL, at the head and at an older revision."""

from __future__ import annotations

from alembic import command

from clinic_app.storage.database import Database
from clinic_app.storage.guard_triggers import expected_guard_triggers, present_triggers
from clinic_app.storage.migrator import HEAD_REVISION, alembic_config, applied_revisions


def test_a_migrated_database_has_exactly_the_listed_guard_triggers(database: Database) -> None:
    dialect = database.engine.dialect.name
    head = applied_revisions(HEAD_REVISION)
    assert head is not None
    with database.engine.connect() as connection:
        assert present_triggers(connection) == expected_guard_triggers(dialect, head)
    assert expected_guard_triggers(dialect, head)  # the list is not empty for either


def test_an_older_revision_expects_only_the_triggers_made_up_to_it(database: Database) -> None:
    with database.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0003_audit_detail")
    dialect = database.engine.dialect.name
    older = applied_revisions("0003_audit_detail")
    assert older is not None
    with database.engine.connect() as connection:
        assert present_triggers(connection) == expected_guard_triggers(dialect, older)


def test_an_unknown_revision_is_none() -> None:
    assert applied_revisions("0099_from_the_future") is None
    assert applied_revisions("0003") is None  # no prefix matching
