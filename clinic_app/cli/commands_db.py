"""Database maintenance: ``db upgrade`` applies the migrations."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="database maintenance")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="apply the schema migrations")
    upgrade.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace) -> int:
    from clinic_app.cli.database_access import open_database

    database = open_database(args, existing=False)
    try:
        print(f"database at {database.display_url} is at schema revision {database.revision()}")
    finally:
        database.close()
    return 0
