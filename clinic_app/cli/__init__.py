"""Command-line interface: every job the GUI does to data, scriptable.

Each ``commands_*`` module adds its subcommands in ``register``; a handler takes
the parsed arguments and returns the exit code (0 ok, 1 check failed, 2 bad input),
or raises ``CommandError``, which ``main`` prints as one line prefixed with the command.
The command modules are imported only when a command is given, so opening the
desktop app does not pay for PDF, rules or migration imports it does not need yet.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from clinic_app import __version__

COMMAND_MODULES = (
    "commands_case",
    "commands_db",
    "commands_evaluate",
    "commands_export",
    "commands_import",
    "commands_sign",
    "commands_demo",
    "commands_audit",
    "commands_users",
    "commands_backup",
    "commands_practice",
    "commands_progress",
    "commands_patient",
)


def _global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: SQLite in the user data directory; "
        "also CLINIC_APP_DATABASE_URL), e.g. postgresql+psycopg://user@host/clinic",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clinic-app",
        description="Structured anterior knee pain examination with decision support. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"clinic-app {__version__}")
    _global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"clinic_app.cli.{name}").register(subparsers)
    return parser


def _gui_request(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when ``argv`` asks for the desktop app (no command), else None."""
    options, rest = _global_options(argparse.ArgumentParser(add_help=False)).parse_known_args(argv)
    return None if rest else options


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_request(arguments)
    if gui is not None:
        from clinic_app.app import run_gui

        return run_gui(gui.database)
    args = build_parser().parse_args(arguments)
    if args.command is None:
        from clinic_app.app import run_gui

        return run_gui(args.database)
    from clinic_app.cli.errors import CommandError

    try:
        return int(args.handler(args))
    except CommandError as error:
        print(f"{_command_name(args)}: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # output piped into head or similar
        sys.stderr.close()
        return 0


def _command_name(args: argparse.Namespace) -> str:
    """"user add", "audit verify", ...: the command and its action, as typed."""
    return " ".join(
        str(value) for name, value in vars(args).items()
        if value is not None and (name == "command" or name.endswith("_command"))
    )
