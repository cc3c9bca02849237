"""Alembic environment: always handed a live connection by clinic_app.storage.migrator.

Offline mode (``--sql``) renders PostgreSQL or SQLite DDL from the configured URL,
for an administrator who wants to review or apply the script themselves.
"""

from __future__ import annotations

from alembic import context

from clinic_app.storage.rows import Base

config = context.config


def run_offline() -> None:
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url,
        target_metadata=Base.metadata,
        literal_binds=True,
        render_as_batch=bool(url and url.startswith("sqlite")),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through clinic_app.storage.migrator")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
