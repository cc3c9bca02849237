"""Database maintenance: ``db upgrade`` applies the migrations and restores guard triggers."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="database maintenance")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser(
        "upgrade",
        help="apply the schema migrations and re-create any missing guard trigger",
    )
    upgrade.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace) -> int:
    from clinic_app.cli.database_access import open_database

    database = open_database(args, existing=False)
    try:
        restored = database.restore_guard_triggers()
        print(f"database at {database.display_url} is at schema revision {database.revision()}")
        for name in restored:
            print(f"guard trigger {name} was missing: re-created")
    finally:
        database.close()
    return 0
