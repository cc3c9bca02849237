"""``backup`` and ``restore`` of the SQLite database (PostgreSQL: the server's own tools).

Both are done by an administrator (``--as``) once the database has user accounts: a
backup carries every record, a restore replaces them all. A restore is refused while
the database is open anywhere (see ``clinic_app.storage.database_lock``) and is written
into the restored database's audit trail with the backup's name and the safety copy
kept of the replaced database.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.cli.credentials import add_acting_option, credentials_for
from clinic_app.cli.database_access import (
    DatabaseSource,
    open_source,
    opened_services,
    passphrase_of,
    sqlite_file,
    sqlite_passphrase,
)
from clinic_app.cli.errors import CHECK_FAILED, CommandError

if TYPE_CHECKING:
    from clinic_app.domain.records.roles import User
    from clinic_app.services.users import Credentials

RESTORE_ACTION = "restore the database"
BACKUP_ACTION = "back up the database"


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup", help="back up the SQLite database now (default: into the backups folder)"
    )
    backup.add_argument(
        "--to", type=Path, metavar="FILE",
        help="write the backup to this file (not the database itself, not a folder)",
    )
    add_acting_option(backup, "the administrator backing up (needed once the database has "
                      "user accounts)")
    backup.set_defaults(handler=_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the database with a backup (a safety copy is kept)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_acting_option(restore, "the administrator restoring (needed once the database has "
                      "user accounts)")
    restore.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace) -> int:
    from clinic_app.storage.backups import (
        BackupError,
        BackupTargetError,
        backup_folder,
        check_backup_target,
        copy_database,
    )

    database_file = sqlite_file(args)
    if not database_file.is_file():
        raise CommandError(f"no database at {database_file}: nothing to back up")
    target = args.to or backup_folder(database_file) / (
        f"{database_file.stem}-manual-{datetime.now():%Y%m%dT%H%M%S}.sqlite3"
    )
    try:
        check_backup_target(database_file, target)
    except BackupTargetError as error:
        raise CommandError(f"--to: {error}" if args.to else str(error)) from error
    try:
        _administrator(database_file, _credentials(args), BACKUP_ACTION)
    except _Unreadable as unreadable:
        raise CommandError(
            f"the database {database_file} cannot be read ({unreadable}): nothing was backed "
            "up; restore an earlier backup instead", CHECK_FAILED,
        ) from unreadable
    try:
        copy_database(database_file, target, sqlite_passphrase(args))
    except BackupTargetError as error:
        raise CommandError(f"--to: {error}" if args.to else str(error)) from error
    except BackupError as error:
        raise CommandError(str(error), CHECK_FAILED) from error
    print(f"backed up {database_file} to {target}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from clinic_app.storage.backups import BackupError, check_backup_file, restore_database
    from clinic_app.storage.database_lock import DatabaseInUseError

    database_file = sqlite_file(args)
    if args.file.resolve() == database_file.resolve():
        raise CommandError(f"FILE {str(args.file)!r} is the database itself; expected a backup")
    # The backup decides: the live file may be the damaged one being replaced.
    passphrase = passphrase_of(DatabaseSource("FILE", f"sqlite+pysqlite:///{args.file}"))
    try:
        check_backup_file(args.file, passphrase)
    except BackupError as error:
        raise CommandError(f"FILE: {error}; expected a Clinic App backup") from error
    _refuse_while_open(database_file)  # before asking anything: the answer would be wasted
    actor = _restoring_user(database_file, args.file, _credentials(args))
    if not args.yes:
        print(f"Replace everything in {database_file} with {args.file}? "
              "A safety copy of the current database is kept. Type 'yes' to continue: ",
              end="", flush=True)
        if sys.stdin.readline().strip().lower() != "yes":
            print("restore cancelled: nothing was changed")
            return 1
    try:
        safety = restore_database(args.file, database_file, datetime.now(), passphrase)
    except DatabaseInUseError as error:
        raise CommandError(str(error), CHECK_FAILED) from error
    except BackupError as error:
        raise CommandError(str(error), CHECK_FAILED) from error
    except OSError as error:
        raise CommandError(
            f"restore into {database_file} failed ({error.strerror})", CHECK_FAILED
        ) from error
    # Opened only now: its shared lock would have stopped the restore. Opening brings an
    # older backup up to the schema.
    with opened_services(args, existing=True) as services:
        services.audit.record_restore(actor, args.file.name, safety.name if safety else None)
    kept = f"the previous database is kept at {safety}" if safety else "there was none before"
    print(f"restored {args.file} into {database_file}; {kept}")
    return 0


def _credentials(args: argparse.Namespace) -> Credentials | None:
    return credentials_for(args.acting) if args.acting else None


def _refuse_while_open(database_file: Path) -> None:
    from clinic_app.storage.database_lock import DatabaseInUseError, DatabaseLock

    if not database_file.exists():
        return
    try:
        DatabaseLock.exclusive(database_file).release()
    except DatabaseInUseError as error:
        raise CommandError(str(error), CHECK_FAILED) from error


def _restoring_user(database_file: Path, backup: Path, credentials: Credentials | None) -> User:
    """The administrator of the database being replaced; when it is missing or cannot be
    read (restoring a damaged database is what restore is for), of the backup instead."""
    if database_file.is_file():
        try:
            return _administrator(database_file, credentials, RESTORE_ACTION)
        except _Unreadable as unreadable:
            print(f"restore: the current database cannot be read ({unreadable}); "
                  "checking the restoring user against the backup", file=sys.stderr)
    from clinic_app.storage.backups import copy_database

    with tempfile.TemporaryDirectory(prefix="clinic-app-restore-") as folder:
        # A copy: opening migrates, and the backup itself must stay as it is.
        copy = copy_database(backup, Path(folder) / "backup.sqlite3", passphrase_of(
            DatabaseSource("FILE", f"sqlite+pysqlite:///{backup}")
        ))
        try:
            return _administrator(copy, credentials, RESTORE_ACTION)
        except _Unreadable as unreadable:
            raise CommandError(f"FILE {str(backup)!r} cannot be read ({unreadable}); "
                               "expected a Clinic App backup") from unreadable


class _Unreadable(Exception):
    """The database to check the restoring user against cannot be opened or read."""


def _administrator(database_file: Path, credentials: Credentials | None, action: str) -> User:
    """The administrator allowed to ``action`` on ``database_file`` (the local user while it
    has no accounts); ``CommandError`` naming ``--as`` when refused."""
    from sqlalchemy.exc import DBAPIError

    from clinic_app.app import build_services

    source = DatabaseSource("FILE", f"sqlite+pysqlite:///{database_file}")
    try:
        database = open_source(source, existing=True)
    except CommandError as error:
        raise _Unreadable(str(error)) from error
    try:
        return build_services(database).users.administrator(credentials, action)
    except DBAPIError as error:
        raise _Unreadable(str(error.orig)) from error
    except PermissionError as error:
        hint = f"--as {credentials.username!r}: " if credentials else "--as is missing: "
        raise CommandError(f"{hint}{error}") from error
    finally:
        database.close()
