"""Backups and restore of a SQLite database with SQLite's online backup API.

The backup API copies a consistent snapshot page by page while the app keeps
running (WAL included), unlike copying the file. Automatic backups rotate in a
``backups`` folder beside the database (0700, files 0600): one per day, the
newest ``DAILY_KEPT`` kept, and one per ISO week, the newest ``WEEKLY_KEPT`` kept;
taken at start-up when today's is missing, so at most once a day.

An encrypted database (see ``encryption``) is backed up encrypted with the same
passphrase: the backup API copies its pages between two keyed SQLCipher connections.

PostgreSQL databases are backed up with the server's own tools (pg_dump /
pg_restore, or the provider's snapshots); these functions refuse them clearly.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, inspect

from clinic_app.private_files import PRIVATE_FILE_MODE, make_private_folder
from clinic_app.storage.database_lock import DatabaseLock, lock_file
from clinic_app.storage.encryption import (
    PASSPHRASE_VARIABLE,
    PassphraseError,
    connect,
    is_encrypted,
)
from clinic_app.storage.guard_triggers import expected_guard_triggers
from clinic_app.storage.migrator import (
    HEAD_REVISION,
    VERSION_TABLE,
    applied_revisions,
    upgrade_to_head,
)
from clinic_app.storage.rows import Base
from clinic_app.storage.sqlite_setup import SIDE_FILE_SUFFIXES, configure_sqlite_engine

DAILY_KEPT = 7
WEEKLY_KEPT = 4
BACKUP_FOLDER_NAME = "backups"
SQLITE_HEADER = b"SQLite format 3\x00"
# sqlcipher3's errors are not sqlite3's: both kinds mean the file cannot be read.
try:
    from sqlcipher3 import Error as _SQLCIPHER_ERRORS
except ImportError:  # pragma: no cover - sqlcipher3 is a dependency
    _SQLCIPHER_ERRORS = sqlite3.Error
POSTGRESQL_ADVICE = (
    "this database is on a PostgreSQL server: back it up and restore it with the "
    "server's own tools (pg_dump -Fc / pg_restore) or your provider's snapshots"
)


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why."""


class BackupTargetError(BackupError):
    """The file a backup was to be written to cannot be used; the message names it."""


@dataclass(frozen=True)
class RotationResult:
    created: tuple[Path, ...]
    removed: tuple[Path, ...]


def backup_folder(database_file: Path) -> Path:
    return database_file.parent / BACKUP_FOLDER_NAME


def check_backup_target(database_file: Path, target: Path) -> None:
    """``BackupTargetError`` unless ``target`` can receive a backup of ``database_file``:
    a file path (not a folder) that is neither the live database nor one of its side files
    (writing there would destroy the very data being backed up), and no symbolic link."""
    if target.is_symlink():
        raise BackupTargetError(f"{target} is a symbolic link; choose a regular file path")
    if target.is_dir():
        raise BackupTargetError(
            f"{target} is a folder: give a file name, e.g. {target / 'clinic-backup.sqlite3'}"
        )
    live = [
        database_file, lock_file(database_file),
        *(_side_file(database_file, s) for s in SIDE_FILE_SUFFIXES),
    ]
    if any(_same_file(target, path) for path in live):
        raise BackupTargetError(
            f"{target} is the live database or one of its side files: choose another file"
        )


def copy_database(source: Path, target: Path, passphrase: str | None = None) -> Path:
    """A consistent copy of ``source`` at ``target`` (created 0600) via the backup API.

    ``BackupTargetError`` names ``target`` when it cannot be written; ``BackupError`` when
    ``source`` cannot be read. The copy is made beside the target and renamed into place,
    so a failed backup never leaves a half-written file under the target's name."""
    partial = target.with_name(target.name + ".partial")
    try:
        make_private_folder(target.parent)
        partial.unlink(missing_ok=True)
        _create_private(partial)
    except OSError as error:
        raise BackupTargetError(_cannot_write(target, error)) from error
    try:
        with closing(_connect(source, read_only=True, passphrase=passphrase)) as src, \
                closing(_connect(partial, passphrase=passphrase)) as dst:
            src.backup(dst)
            # One self-contained file: no -wal beside the copy.
            dst.execute("PRAGMA journal_mode = DELETE")
        os.replace(partial, target)
    except (sqlite3.Error, PassphraseError, _SQLCIPHER_ERRORS) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"cannot back up {source}: {error}") from error
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupTargetError(_cannot_write(target, error)) from error
    return target


def rotate_backups(
    database_file: Path, today: date, passphrase: str | None = None
) -> RotationResult:
    """Take today's daily and this week's weekly backup if missing; prune old ones."""
    folder = backup_folder(database_file)
    make_private_folder(folder)
    stem = database_file.stem
    daily = folder / f"{stem}-daily-{today.isoformat()}.sqlite3"
    year, week, _ = today.isocalendar()
    weekly = folder / f"{stem}-weekly-{year}-W{week:02d}.sqlite3"
    created: list[Path] = []
    if not daily.exists():
        created.append(copy_database(database_file, daily, passphrase))
    if not weekly.exists():
        created.append(copy_database(daily, weekly, passphrase))
    removed = [
        *_prune(sorted(folder.glob(f"{stem}-daily-*.sqlite3")), DAILY_KEPT),
        *_prune(sorted(folder.glob(f"{stem}-weekly-*.sqlite3")), WEEKLY_KEPT),
    ]
    return RotationResult(tuple(created), tuple(removed))


def check_backup_file(candidate: Path, passphrase: str | None = None) -> None:
    """``BackupError`` unless ``candidate`` is an intact, complete Clinic App SQLite
    database: every table of the current schema, a schema revision this version knows
    (an older one is migrated after the restore; a newer one is refused) and every guard
    trigger its migrations create. The message names what is missing."""
    if not candidate.is_file():
        raise BackupError(f"{candidate} is not a file")
    encrypted = is_encrypted(candidate)
    if encrypted and passphrase is None:
        raise BackupError(f"{candidate} is not a SQLite database (or it is encrypted: give "
                          f"its passphrase, e.g. in {PASSPHRASE_VARIABLE})")
    if not encrypted and passphrase is not None:
        raise BackupError(f"{candidate} is not encrypted, but the database is: restore an "
                          "encrypted backup, or decrypt the database first (db decrypt)")
    try:
        with closing(_connect(candidate, read_only=True, passphrase=passphrase)) as connection:
            check = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            objects = connection.execute(
                "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger')"
            ).fetchall()
            tables = {name for kind, name in objects if kind == "table"}
            revision = (
                connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
                if VERSION_TABLE in tables else None
            )
    except (sqlite3.Error, PassphraseError, _SQLCIPHER_ERRORS) as error:
        raise BackupError(f"{candidate} cannot be read as a database: {error}") from error
    if check != ["ok"]:
        raise BackupError(f"{candidate} is damaged: {'; '.join(map(str, check[:5]))}")
    if revision is None:
        _refuse_incomplete(candidate, _schema_tables() - tables, ())
        raise BackupError(f"{candidate} has no schema revision ({VERSION_TABLE} is empty)")
    applied = applied_revisions(revision[0])
    if applied is None:
        raise BackupError(
            f"{candidate} is from a newer version of Clinic App (schema revision "
            f"{str(revision[0])[:40]!r}): restore it with that version"
        )
    triggers = {name for kind, name in objects if kind == "trigger"}
    missing_triggers = expected_guard_triggers("sqlite", applied) - triggers
    if revision[0] != HEAD_REVISION:
        tables = _tables_once_migrated(candidate, passphrase)
    _refuse_incomplete(candidate, _schema_tables() - tables, missing_triggers)


def _schema_tables() -> set[str]:
    return {*Base.metadata.tables, VERSION_TABLE}


def _refuse_incomplete(
    candidate: Path, missing_tables: Iterable[str], missing_triggers: Iterable[str]
) -> None:
    missing = [
        f"{what}: {', '.join(sorted(names))}"
        for what, names in (("tables", set(missing_tables)), ("guard triggers",
                                                               set(missing_triggers)))
        if names
    ]
    if missing:
        raise BackupError(
            f"{candidate} is not a complete Clinic App database (missing {'; '.join(missing)})"
        )


def _tables_once_migrated(candidate: Path, passphrase: str | None) -> set[str]:
    """The tables of an older backup brought to this version's schema, in a scratch copy
    (the backup itself stays as it is)."""
    with tempfile.TemporaryDirectory(prefix="clinic-app-check-") as folder:
        copy = copy_database(candidate, Path(folder) / "backup.sqlite3", passphrase)
        engine = create_engine(URL.create(
            "sqlite+pysqlcipher" if passphrase else "sqlite+pysqlite", password=passphrase,
            database=str(copy),
        ))
        configure_sqlite_engine(engine)
        try:
            upgrade_to_head(engine)
            with engine.connect() as connection:
                return set(inspect(connection).get_table_names())
        except Exception as error:  # Alembic and SQL errors alike: the backup is unusable
            first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise BackupError(
                f"{candidate} cannot be brought to this version's schema ({first_line})"
            ) from error
        finally:
            engine.dispose()


def restore_database(
    backup: Path, database_file: Path, now: datetime, passphrase: str | None = None
) -> Path | None:
    """Replace the database with ``backup``; returns the safety copy of the database as
    it was, kept in the backups folder (None when there was no database).

    ``DatabaseInUseError`` (nothing changed) while any process, this one included, has
    the database open: the exclusive lock is held from the safety copy to the replacement,
    so no save can land in the file being replaced. The backup is copied beside the
    database and renamed over it, so this works even when the old file is too damaged to
    be written through SQLite, and a failure half-way leaves the old file in place."""
    check_backup_file(backup, passphrase)
    make_private_folder(database_file.parent)
    with DatabaseLock.exclusive(database_file):
        stamp = now.strftime("%Y%m%dT%H%M%S")
        safety: Path | None = (
            backup_folder(database_file) / f"{database_file.stem}-before-restore-{stamp}.sqlite3"
        )
        if not database_file.exists():
            safety = None
        else:
            _keep_safety_copy(database_file, safety, passphrase)
        staged = copy_database(backup, _side_file(database_file, ".restoring"), passphrase)
        # The old -wal would be replayed into the restored file: it is in the safety copy.
        for suffix in SIDE_FILE_SUFFIXES:
            _side_file(database_file, suffix).unlink(missing_ok=True)
        os.replace(staged, database_file)
    return safety


def _cannot_write(target: Path, error: OSError) -> str:
    return (
        f"cannot write the backup to {target} ({error.strerror}); expected a file in a "
        "folder you can write to"
    )


def _keep_safety_copy(database_file: Path, safety: Path, passphrase: str | None) -> None:
    """A consistent copy when the database can be read; a byte copy of the file and its
    -wal when it cannot (restoring a damaged database is what restore is for)."""
    try:
        copy_database(database_file, safety, passphrase)
        return
    except BackupTargetError:
        raise
    except BackupError:
        pass
    for suffix in ("", "-wal"):
        source = _side_file(database_file, suffix)
        if source.exists():
            copy = _side_file(safety, suffix)
            _create_private(copy)
            shutil.copyfile(source, copy)


def _same_file(first: Path, second: Path) -> bool:
    if first.exists() and second.exists():
        return os.path.samefile(first, second)
    return first.absolute().resolve() == second.absolute().resolve()


def _side_file(database_file: Path, suffix: str) -> Path:
    return database_file.with_name(database_file.name + suffix)


def _prune(paths: list[Path], keep: int) -> list[Path]:
    # Names sort by date (ISO dates and weeks), so the oldest come first.
    old = paths[:-keep] if len(paths) > keep else []
    for path in old:
        path.unlink(missing_ok=True)
    return old


def _connect(path: Path, read_only: bool = False, passphrase: str | None = None) -> Any:
    return connect(path, passphrase, read_only=read_only)


def _create_private(path: Path) -> None:
    flags = os.O_CREAT | os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    os.close(os.open(path, flags, PRIVATE_FILE_MODE))
