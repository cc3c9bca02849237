"""Who has a SQLite database open: a shared lock per open ``Database``, an exclusive one
for a restore.

The lock is taken on a side file ``<database>.lock`` (never deleted: a new file would be
a new, untaken lock). Every process that opens the database (the desktop app, any
command) holds it shared for as long as the ``Database`` is open; a restore takes it
exclusively without waiting, so it cannot replace the file under a running app, whose
acknowledged saves would then exist nowhere. A process starting while a restore holds it
waits briefly, then refuses instead of opening the file being replaced.

portalocker: ``flock`` on POSIX, ``LockFileEx`` on Windows (shared locks there need
pywin32, its ``win32`` extra). Locks conflict between two open descriptors in one
process too: a process must close its own ``Database`` before it restores.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO

import portalocker

from clinic_app.private_files import PRIVATE_FILE_MODE

LOCK_SUFFIX = ".lock"
STARTUP_WAIT_SECONDS = 10.0
_POLL_SECONDS = 0.1


class DatabaseInUseError(RuntimeError):
    """Another process holds the database in a way that forbids what was asked."""


def lock_file(database_file: Path) -> Path:
    return database_file.with_name(database_file.name + LOCK_SUFFIX)


class DatabaseLock:
    """A held lock on ``<database>.lock``; ``release`` (or the ``with`` block) lets go."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle: IO[bytes] | None = handle

    @classmethod
    def shared(cls, database_file: Path, wait_seconds: float | None = None) -> DatabaseLock:
        """Held while the database is open; waits up to ``wait_seconds`` (default
        ``STARTUP_WAIT_SECONDS``) for a restore to finish, then ``DatabaseInUseError``."""
        handle = _open_lock_file(database_file)
        waited = STARTUP_WAIT_SECONDS if wait_seconds is None else wait_seconds
        deadline = time.monotonic() + waited
        while True:
            try:
                portalocker.lock(handle, portalocker.LOCK_SH | portalocker.LOCK_NB)
                return cls(handle)
            except portalocker.AlreadyLocked:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise DatabaseInUseError(
                        f"the database {database_file} is being restored from a backup by "
                        "another Clinic App command: try again when it has finished"
                    ) from None
                time.sleep(_POLL_SECONDS)
            except BaseException:
                handle.close()
                raise

    @classmethod
    def exclusive(cls, database_file: Path) -> DatabaseLock:
        """Only when no other process (nor this one) has the database open; never waits."""
        handle = _open_lock_file(database_file)
        try:
            portalocker.lock(handle, portalocker.LOCK_EX | portalocker.LOCK_NB)
        except portalocker.AlreadyLocked:
            handle.close()
            raise DatabaseInUseError(
                f"the database is open in another Clinic App window or command "
                f"({database_file}): close it first; nothing was changed"
            ) from None
        except BaseException:
            handle.close()
            raise
        return cls(handle)

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the descriptor releases the lock
            self._handle = None

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _open_lock_file(database_file: Path) -> IO[bytes]:
    descriptor = os.open(lock_file(database_file), os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
    return os.fdopen(descriptor, "r+b")
