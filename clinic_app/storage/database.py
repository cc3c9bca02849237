"""Open (create, secure and migrate) the database and hand out units of work."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from clinic_app.private_files import make_private_folder
from clinic_app.storage.data_folder import default_database_file
from clinic_app.storage.database_lock import DatabaseLock
from clinic_app.storage.migrator import current_revision, upgrade_to_head
from clinic_app.storage.sqlite_setup import (
    configure_sqlite_engine,
    ensure_private_file,
)
from clinic_app.storage.unit_of_work import SqlAlchemyUnitOfWork

SUPPORTED_DATABASES = (
    "sqlite:///PATH/TO/FILE.sqlite3 or postgresql+psycopg://USER[:PASSWORD]@HOST[:PORT]/DBNAME"
)
# (backend, driver) pairs the app ships drivers for.
_SUPPORTED_DRIVERS = frozenset({("sqlite", "pysqlite"), ("postgresql", "psycopg")})


class DatabaseUrlError(ValueError):
    """Not a database URL the app can use; the message says what is expected."""


class NoDatabaseError(LookupError):
    """``Database.open(create=False)`` found no Clinic App database where the URL points."""


class Database:
    """A migrated database. ``unit_of_work`` is the services' ``UnitOfWorkFactory``.

    A SQLite file is held with a shared ``DatabaseLock`` until ``close``, so that a restore
    refuses while it is open (see ``clinic_app.storage.database_lock``)."""

    def __init__(self, engine: Engine, lock: DatabaseLock | None = None) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._lock = lock

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True) -> Database:
        """Open ``url`` (None: the default SQLite file) and apply pending migrations.

        SQLite files get a private folder and file; PostgreSQL URLs look like
        ``postgresql+psycopg://user:password@host/dbname``. With ``create=False`` only an
        existing Clinic App database is opened (``NoDatabaseError`` otherwise), so that a
        mistyped path is reported instead of answered from a new, empty database.
        ``DatabaseInUseError`` when a restore of the file does not finish within seconds.
        """
        resolved = parse_database_url(url)
        database_file = _sqlite_file(resolved)
        lock: DatabaseLock | None = None
        if database_file is not None:
            if not create and not _holds_data(database_file):
                raise NoDatabaseError(f"no database at {database_file}")
            make_private_folder(database_file.parent)
            lock = DatabaseLock.shared(database_file)  # before SQLite touches the file
            try:
                ensure_private_file(database_file)
            except BaseException:
                lock.release()
                raise
        engine = _create_engine(resolved)
        try:
            if not create and current_revision(engine) is None:
                raise NoDatabaseError(
                    f"no Clinic App database at "
                    f"{database_file or resolved.render_as_string(hide_password=True)}"
                )
            upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            if lock is not None:
                lock.release()
            raise
        if database_file is not None:
            ensure_private_file(database_file)  # tighten -wal/-shm created meanwhile
        return cls(engine, lock)

    def unit_of_work(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self._sessions)

    @property
    def display_url(self) -> str:
        """The URL with any password masked, fit for messages."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def sqlite_file(self) -> Path | None:
        """The database file for SQLite (backups, restore); None for PostgreSQL or memory."""
        return _sqlite_file(self._engine.url)

    @property
    def engine(self) -> Engine:
        """For storage tools (backups, integrity checks, tests); services use units of work."""
        return self._engine

    def revision(self) -> str:
        revision = current_revision(self._engine)
        if revision is None:
            raise RuntimeError("the database has no schema revision")
        return revision

    def close(self) -> None:
        self._engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def parse_database_url(url: str | None) -> URL:
    """``url`` parsed and checked against the drivers the app has; None: the default file."""
    if not url:
        return _default_sqlite_url()
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseUrlError(f"not a database URL; expected {SUPPORTED_DATABASES}") from error
    backend = parsed.get_backend_name()
    # get_driver_name() imports the dialect: only ask once the backend is a known one.
    if backend not in {known for known, _ in _SUPPORTED_DRIVERS} or (
        (backend, parsed.get_driver_name()) not in _SUPPORTED_DRIVERS
    ):
        raise DatabaseUrlError(
            f"unsupported database driver {parsed.drivername!r}; expected {SUPPORTED_DATABASES}"
        )
    return parsed


def database_file(url: str | None) -> Path | None:
    """The SQLite file ``url`` names (None: the default file); None for PostgreSQL or memory."""
    return _sqlite_file(parse_database_url(url))


def _default_sqlite_url() -> URL:
    return URL.create("sqlite+pysqlite", database=str(default_database_file()))


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or _is_in_memory(url):
        return None
    return Path(url.database or "").expanduser().absolute()


def _holds_data(database_file: Path) -> bool:
    # An empty file is what a mistyped path created before; SQLite would take it as a database.
    return database_file.is_file() and database_file.stat().st_size > 0


def _is_in_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"


def _create_engine(url: URL) -> Engine:
    # hide_parameters: error messages must never carry names or findings into logs.
    if url.get_backend_name() == "sqlite":
        if _is_in_memory(url):
            engine = create_engine(
                url, hide_parameters=True, poolclass=StaticPool,
                connect_args={"check_same_thread": False},
            )
        else:
            engine = create_engine(url, hide_parameters=True)
        configure_sqlite_engine(engine)
        return engine
    return create_engine(url, hide_parameters=True, pool_pre_ping=True)
