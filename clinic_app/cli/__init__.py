"""Command-line interface: every job the GUI does to data, scriptable.

Each ``commands_*`` module adds its subcommands in ``register``; a handler takes
the parsed arguments and returns the exit code (0 ok, 1 check failed, 2 bad input).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from clinic_app import __version__
from clinic_app.cli import commands_case, commands_db, commands_evaluate, commands_export

COMMAND_MODULES = [commands_case, commands_db, commands_evaluate, commands_export]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clinic-app",
        description="Structured anterior knee pain examination with decision support. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"clinic-app {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: SQLite in the user data directory; "
        "also CLINIC_APP_DATABASE_URL), e.g. postgresql+psycopg://user@host/clinic",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from clinic_app.app import run_gui

        return run_gui(args.database)
    try:
        return int(args.handler(args))
    except BrokenPipeError:  # output piped into head or similar
        sys.stderr.close()
        return 0
