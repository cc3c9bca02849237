"""Encryption at rest: a SQLite file encrypted with SQLCipher 4 (``sqlcipher3``).

SQLCipher derives the page key from the passphrase (PBKDF2-HMAC-SHA512, 256,000
iterations, a random salt stored in the file) and encrypts every page with AES-256,
its -wal file included; without the passphrase the file reads as noise, and Python's
``sqlite3`` (or the ``sqlite3`` shell) refuses it as "not a database".

Converting (``db encrypt`` / ``decrypt`` / ``rekey``) writes the whole database into a
new file with ``sqlcipher_export`` and renames it over the old one while the database is
locked exclusively, as a restore does; the old file's blocks are not overwritten by the
rename (see the README).
"""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path
from typing import Any

from clinic_app.storage.database_lock import DatabaseLock
from clinic_app.storage.sqlite_setup import SIDE_FILE_SUFFIXES

SQLITE_HEADER = b"SQLite format 3\x00"
PASSPHRASE_VARIABLE = "CLINIC_APP_PASSPHRASE"


class PassphraseError(ValueError):
    """The database is encrypted and no passphrase, or the wrong one, was given."""


def is_encrypted(database_file: Path) -> bool:
    """A file with data that does not start with SQLite's plain header."""
    if not database_file.is_file() or database_file.stat().st_size == 0:
        return False
    with database_file.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER


def connect(path: Path, passphrase: str | None, *, read_only: bool = False) -> Any:
    """A DB-API connection to ``path``: ``sqlite3`` for a plain file, ``sqlcipher3`` keyed
    with ``passphrase`` for an encrypted one (``PassphraseError`` if it does not open it)."""
    target = f"{path.absolute().as_uri()}?mode=ro" if read_only else str(path)
    if passphrase is None:
        import sqlite3

        return sqlite3.connect(target, uri=read_only)
    import sqlcipher3

    connection = sqlcipher3.connect(target, uri=read_only)
    connection.execute(f"PRAGMA key = {_quoted(passphrase)}")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        raise PassphraseError(f"{path}: the passphrase does not open this database") from error
    return connection


def convert(
    database_file: Path, passphrase: str | None, new_passphrase: str | None
) -> None:
    """Rewrite the database under ``new_passphrase`` (None: unencrypted), reading it with
    ``passphrase`` (None: it is unencrypted). ``DatabaseInUseError`` while it is open."""
    staged = database_file.with_name(database_file.name + ".converting")
    with DatabaseLock.exclusive(database_file):
        with closing(connect(database_file, passphrase)) as source:
            # Fold the -wal into the file first: nothing may stay behind in a side file.
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            source.execute("PRAGMA journal_mode = DELETE")
        staged.unlink(missing_ok=True)
        previous = os.umask(0o077)  # the attached new file is created owner-only
        try:
            _export(database_file, passphrase, staged, new_passphrase)
        finally:
            os.umask(previous)
        with closing(connect(staged, new_passphrase)) as check:
            result = check.execute("PRAGMA integrity_check").fetchone()
        if result is None or result[0] != "ok":
            staged.unlink(missing_ok=True)
            raise PassphraseError(f"{database_file}: the converted copy did not check out")
        for suffix in SIDE_FILE_SUFFIXES:
            database_file.with_name(database_file.name + suffix).unlink(missing_ok=True)
        os.replace(staged, database_file)


def _export(source: Path, passphrase: str | None, target: Path, new_passphrase: str | None) -> None:
    import sqlcipher3

    connection = sqlcipher3.connect(str(source))
    try:
        if passphrase is not None:
            connection.execute(f"PRAGMA key = {_quoted(passphrase)}")
        connection.execute(
            f"ATTACH DATABASE ? AS converted KEY {_quoted(new_passphrase or '')}", (str(target),)
        )
        connection.execute("SELECT sqlcipher_export('converted')")
        connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()


def _quoted(text: str) -> str:
    """A SQL string literal (PRAGMA key takes no bound parameter)."""
    return "'" + text.replace("'", "''") + "'"
