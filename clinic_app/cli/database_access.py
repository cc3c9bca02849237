"""The database a command works on, and the one place that reports why it cannot be opened.

The URL comes from ``--database``, else ``CLINIC_APP_DATABASE_URL``, else the default
SQLite file. Whatever goes wrong while opening it (a URL that does not parse, a driver
the app does not have, a folder that cannot be created, a file that is not a database,
a server that does not answer, a schema from a newer version) becomes one
``CommandError`` naming where the URL came from, the URL with any password masked, and
what is expected.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.cli.credentials import read_secret
from clinic_app.cli.errors import CHECK_FAILED, CommandError

if TYPE_CHECKING:
    from sqlalchemy.exc import DBAPIError

    from clinic_app.app import Services
    from clinic_app.storage.database import Database

_PASSWORD_IN_URL = re.compile(r"(?<=:)[^:@/]*(?=@)")


@dataclass(frozen=True)
class DatabaseSource:
    """Where the database URL came from: the option or variable that gave it, and its text
    (None: the default SQLite file)."""

    origin: str
    url: str | None

    def describe(self) -> str:
        if self.url is None:
            from clinic_app.storage.data_folder import default_database_file

            return f"the default database file {str(default_database_file())!r}"
        return f"{self.origin} {masked_url(self.url)!r}"

    @property
    def options(self) -> str:
        """What to change to point at another database."""
        if self.url is None:
            from clinic_app.storage.data_folder import DATA_DIR_VARIABLE

            return f"--database or {DATA_DIR_VARIABLE}"
        return self.origin


def masked_url(url: str) -> str:
    """``url`` with any password replaced, also when it does not parse as a URL."""
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _PASSWORD_IN_URL.sub("***", url)


def database_source(args: argparse.Namespace) -> DatabaseSource:
    from clinic_app.app import DATABASE_URL_VARIABLE, resolve_database_url

    if args.database:
        return DatabaseSource("--database", args.database)
    return DatabaseSource(DATABASE_URL_VARIABLE, resolve_database_url(None))


def open_database(
    args: argparse.Namespace, *, existing: bool, audit_key_required: bool = True
) -> Database:
    """The command's database, migrated. ``existing``: never create one (read-only and
    maintenance commands must not answer from a new, empty database at a mistyped path).
    ``audit_key_required=False``: open without the audit key (``audit verify`` reports it)."""
    source = database_source(args)
    return open_source(source, existing=existing, audit_key_required=audit_key_required)


def open_source(
    source: DatabaseSource, *, existing: bool, audit_key_required: bool = True
) -> Database:
    from sqlalchemy.exc import DBAPIError

    from clinic_app.storage.audit_key import AuditKeyError
    from clinic_app.storage.database import Database, DatabaseUrlError, NoDatabaseError
    from clinic_app.storage.database_lock import DatabaseInUseError
    from clinic_app.storage.encryption import PASSPHRASE_VARIABLE, PassphraseError

    where = source.describe()
    passphrase = passphrase_of(source)
    try:
        return Database.open(
            source.url, create=not existing, audit_key_required=audit_key_required,
            passphrase=passphrase,
        )
    except PassphraseError as error:
        if passphrase is None:  # not plain SQLite, and no passphrase to try
            raise CommandError(
                f"{where}: cannot open the database (file is not a database); expected a "
                f"Clinic App SQLite database file, or an encrypted one with its passphrase "
                f"({PASSPHRASE_VARIABLE}, the keyring or standard input)"
            ) from error
        raise CommandError(f"{where}: {error}") from error
    except AuditKeyError as error:
        raise CommandError(f"{where}: {error}") from error
    except DatabaseUrlError as error:
        raise CommandError(f"{where}: {error}") from error
    except DatabaseInUseError as error:
        raise CommandError(str(error), CHECK_FAILED) from error
    except NoDatabaseError as error:
        raise CommandError(
            f"{error}: check {source.options}, or create the database with "
            "'clinic-app db upgrade'"
        ) from error
    except OSError as error:
        raise CommandError(
            f"{where}: cannot create or open {error.filename or 'the database file'} "
            f"({error.strerror}); expected a file in a folder you can write to"
        ) from error
    except DBAPIError as error:
        raise CommandError(
            f"{where}: cannot open the database ({_first_line(error.orig)}); expected "
            f"{_expected(error)}"
        ) from error
    except Exception as error:
        from alembic.util import CommandError as MigrationError

        if isinstance(error, MigrationError):
            raise CommandError(
                f"{where}: cannot bring the database to this version's schema ({error}); "
                "expected a database made by this or an earlier version of Clinic App"
            ) from error
        raise


@contextmanager
def opened_services(args: argparse.Namespace, *, existing: bool) -> Iterator[Services]:
    """The services on the command's database, closed afterwards."""
    from clinic_app.app import build_services

    database = open_database(args, existing=existing)
    try:
        yield build_services(database)
    finally:
        database.close()


def sqlite_file(args: argparse.Namespace) -> Path:
    """The command's SQLite file (backup, restore); PostgreSQL is refused with advice."""
    from clinic_app.storage.backups import POSTGRESQL_ADVICE
    from clinic_app.storage.database import DatabaseUrlError, database_file

    source = database_source(args)
    try:
        path = database_file(source.url)
    except DatabaseUrlError as error:
        raise CommandError(f"{source.describe()}: {error}") from error
    if path is None:
        raise CommandError(f"{source.describe()}: {POSTGRESQL_ADVICE}")
    return path


def passphrase_of(source: DatabaseSource) -> str | None:
    """The passphrase of an encrypted SQLite file: the environment, the keyring, else asked
    (terminal or standard input); None for an unencrypted file or PostgreSQL."""
    from clinic_app.storage.database import database_file
    from clinic_app.storage.encryption import is_encrypted
    from clinic_app.storage.passphrases import known_passphrase

    try:
        path = database_file(source.url)
    except ValueError:
        return None  # the URL itself is reported by Database.open
    if path is None or not is_encrypted(path):
        return None
    global _entered
    passphrase = known_passphrase(path) or _entered
    if passphrase is None:
        # Asked once per command: its backups and copies share the database's key. Nothing
        # to read: opening then says the file is no (unencrypted) database.
        try:
            passphrase = _entered = read_secret(f"passphrase for {path}: ")
        except (CommandError, OSError):
            return None
    return passphrase


_entered: str | None = None


def sqlite_passphrase(args: argparse.Namespace) -> str | None:
    """``passphrase_of`` the command's database (backup, restore)."""
    return passphrase_of(database_source(args))


def _first_line(error: BaseException | None) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _expected(error: DBAPIError) -> str:
    if type(error.orig).__module__.startswith("sqlite3"):
        return "a Clinic App SQLite database file"
    return "a running PostgreSQL server, with that database, user and password"
