"""Alembic run from code: no alembic.ini, scripts inside the package, one shared connection.

The migration scripts ship in the wheel (pyproject package-data), so an installed
app upgrades its own database at start-up. One chain serves SQLite and
PostgreSQL; on SQLite, env.py renders ALTERs in batch mode (copy-and-move).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS_FOLDER = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_FOLDER))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migration scripts found in {MIGRATIONS_FOLDER}")
    return head


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction (a no-op when already at head)."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
