"""Records: ``audit verify``, ``user add/list/set-password``, ``backup``, ``restore``.

Passwords are never options (they would land in the shell history): they are asked
on the terminal, or read one per line from standard input when it is not a terminal
(first the acting administrator's password if ``--as`` is given, then the new one).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clinic_app.app import Services
    from clinic_app.domain.records.roles import User

ROLE_NAMES = ("clinician", "student", "supervisor", "administrator")


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help="the tamper-evident audit trail")
    audit_actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_actions.add_parser(
        "verify", help="check the hash chain: exit 1 naming any edited or removed entry"
    )
    verify.set_defaults(handler=_audit_verify)

    user = subparsers.add_parser("user", help="user accounts (administrators)")
    user_actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_actions.add_parser("add", help="add a user account")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name, as printed on notes")
    add.add_argument("--role", required=True, choices=ROLE_NAMES)
    add.add_argument("--registration", help="professional registration number")
    _acting_option(add)
    add.set_defaults(handler=_user_add)
    listing = user_actions.add_parser("list", help="list user accounts")
    listing.set_defaults(handler=_user_list)
    password = user_actions.add_parser("set-password", help="set a user's password")
    password.add_argument("username")
    _acting_option(password)
    password.set_defaults(handler=_user_set_password)

    backup = subparsers.add_parser(
        "backup", help="back up the SQLite database now (default: into the backups folder)"
    )
    backup.add_argument("--to", type=Path, metavar="FILE", help="write the backup here")
    backup.set_defaults(handler=_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the database with a backup (a safety copy is kept)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=_restore)


def _acting_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as", dest="acting", metavar="USERNAME",
        help="the administrator doing this (needed once the database has several users)",
    )


def _services(args: argparse.Namespace) -> Services:
    from clinic_app.app import build_services, open_database

    return build_services(open_database(args.database))


def _read_secret(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise EOFError("no password given on standard input")
    return line.rstrip("\r\n")


def _acting_user(services: Services, acting: str | None) -> User | None:
    if acting is None:
        return None
    return services.users.authenticate(acting, _read_secret(f"password for {acting}: "))


def _audit_verify(args: argparse.Namespace) -> int:
    verification = _services(args).audit.verify()
    if verification.intact:
        print(f"audit trail intact: {verification.entries} entries verified")
        return 0
    for problem in verification.problems:
        print(f"audit: {problem}", file=sys.stderr)
    print(f"audit trail NOT intact: {len(verification.problems)} problem(s) in "
          f"{verification.entries} entries", file=sys.stderr)
    return 1


def _user_add(args: argparse.Namespace) -> int:
    from clinic_app.domain.records.roles import Role

    services = _services(args)
    try:
        acting = _acting_user(services, args.acting)
        password = _read_secret(f"new password for {args.username}: ")
        added = services.users.add_user(
            acting, args.username, args.name, Role(args.role), password, args.registration
        )
    except (PermissionError, ValueError, EOFError) as error:
        print(f"user add: {error}", file=sys.stderr)
        return 2
    print(f"added {added.username} ({added.role.value})")
    return 0


def _user_list(args: argparse.Namespace) -> int:
    for user in _services(args).users.list_users():
        registration = user.registration_number or "-"
        print(f"{user.username}\t{user.role.value}\t{registration}\t{user.display_name}")
    return 0


def _user_set_password(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        acting = _acting_user(services, args.acting)
        password = _read_secret(f"new password for {args.username}: ")
        services.users.set_password(acting, args.username, password)
    except (PermissionError, ValueError, LookupError, EOFError) as error:
        print(f"user set-password: {error}", file=sys.stderr)
        return 2
    print(f"password set for {args.username}")
    return 0


def _sqlite_file(args: argparse.Namespace, command: str) -> Path | None:
    from clinic_app.app import resolve_database_url
    from clinic_app.storage.backups import POSTGRESQL_ADVICE
    from clinic_app.storage.data_folder import default_database_file

    url = resolve_database_url(args.database)
    if url is None:
        return default_database_file()
    from sqlalchemy import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        print(f"{command}: {POSTGRESQL_ADVICE}", file=sys.stderr)
        return None
    return Path(parsed.database or "").expanduser().absolute()


def _backup(args: argparse.Namespace) -> int:
    from datetime import datetime

    from clinic_app.storage.backups import BackupError, backup_folder, copy_database

    database_file = _sqlite_file(args, "backup")
    if database_file is None:
        return 2
    if not database_file.is_file():
        print(f"backup: no database at {database_file}", file=sys.stderr)
        return 2
    target = args.to or backup_folder(database_file) / (
        f"{database_file.stem}-manual-{datetime.now():%Y%m%dT%H%M%S}.sqlite3"
    )
    try:
        copy_database(database_file, target)
    except (BackupError, OSError) as error:
        print(f"backup: {error}", file=sys.stderr)
        return 1
    print(f"backed up {database_file} to {target}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from datetime import datetime

    from clinic_app.storage.backups import BackupError, check_backup_file, restore_database

    database_file = _sqlite_file(args, "restore")
    if database_file is None:
        return 2
    try:
        check_backup_file(args.file)
    except BackupError as error:
        print(f"restore: {error}", file=sys.stderr)
        return 2
    if not args.yes:
        print(f"Replace everything in {database_file} with {args.file}? "
              "A safety copy of the current database is kept. Type 'yes' to continue: ",
              end="", flush=True)
        if sys.stdin.readline().strip().lower() != "yes":
            print("restore cancelled: nothing was changed")
            return 1
    try:
        safety = restore_database(args.file, database_file, datetime.now())
    except (BackupError, OSError) as error:
        print(f"restore: {error}", file=sys.stderr)
        return 1
    from clinic_app.app import open_database

    database = open_database(args.database)  # brings an older backup up to the schema
    database.close()
    print(f"restored {args.file} into {database_file}; the previous database is kept at "
          f"{safety}")
    return 0
