"""Alembic run from code: no alembic.ini, scripts inside the package, one shared connection.

The migration scripts ship in the wheel (pyproject package-data), so an installed
app upgrades its own database at start-up. One chain serves SQLite and
PostgreSQL; on SQLite, env.py renders ALTERs in batch mode (copy-and-move).

Start-up reads the stored revision with one plain query and imports Alembic only
when it differs from ``HEAD_REVISION``: Alembic's import alone costs about as much
as showing a bare window. A test keeps ``HEAD_REVISION`` equal to the scripts' head.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_FOLDER = Path(__file__).with_name("migrations")
HEAD_REVISION = "0010_search_indexes"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_FOLDER))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The head of the migration scripts, as Alembic reads them."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migration scripts found in {MIGRATIONS_FOLDER}")
    return head


def applied_revisions(revision: str) -> frozenset[str] | None:
    """``revision`` and every migration before it; None when this version does not know
    ``revision`` (a database from a newer version)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    if revision not in {script.revision for script in scripts.walk_revisions()}:
        return None  # checked first: Alembic would also accept a prefix of a revision
    return frozenset(script.revision for script in scripts.iterate_revisions(revision, "base"))


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction (a no-op when already at head)."""
    if current_revision(engine) == HEAD_REVISION:
        return
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))
