"""Open (create, secure and migrate) the database and hand out units of work."""

from __future__ import annotations

import secrets
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, make_url, update
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from clinic_app.domain.records.audit import AuditAction, AuditEvent, ChainHead, EntityType
from clinic_app.domain.records.keyed import KEY_LENGTH, key_fingerprint, key_record_seal
from clinic_app.private_files import make_private_folder
from clinic_app.storage.audit_key import KEY_FILE_VARIABLE, AuditKeyError, AuditKeyFile
from clinic_app.storage.audit_log import AuditKeyContext, SqlAlchemyAuditLog, read_key_record
from clinic_app.storage.data_folder import default_database_file
from clinic_app.storage.database_lock import DatabaseLock
from clinic_app.storage.encryption import PASSPHRASE_VARIABLE, PassphraseError, is_encrypted
from clinic_app.storage.guard_triggers import restore_guard_triggers
from clinic_app.storage.migrator import current_revision, upgrade_to_head
from clinic_app.storage.rows import AuditKeyRow
from clinic_app.storage.sqlite_setup import (
    configure_sqlite_engine,
    ensure_private_file,
)
from clinic_app.storage.unit_of_work import SqlAlchemyUnitOfWork, write_witness

SUPPORTED_DATABASES = (
    "sqlite:///PATH/TO/FILE.sqlite3 or postgresql+psycopg://USER[:PASSWORD]@HOST[:PORT]/DBNAME"
)
# (backend, driver) pairs the app ships drivers for.
_SUPPORTED_DRIVERS = frozenset({("sqlite", "pysqlite"), ("postgresql", "psycopg")})
_ENCRYPTED_DRIVER = "sqlite+pysqlcipher"


class DatabaseUrlError(ValueError):
    """Not a database URL the app can use; the message says what is expected."""


class NoDatabaseError(LookupError):
    """``Database.open(create=False)`` found no Clinic App database where the URL points."""


# Who the audit log names for what the app itself does (introducing the audit key).
SYSTEM_USERNAME = "clinic-app"


class Database:
    """A migrated database. ``unit_of_work`` is the services' ``UnitOfWorkFactory``.

    A SQLite file is held with a shared ``DatabaseLock`` until ``close``, so that a restore
    refuses while it is open (see ``clinic_app.storage.database_lock``)."""

    def __init__(
        self, engine: Engine, keys: AuditKeyContext, lock: DatabaseLock | None = None,
        passphrase: str | None = None,
    ) -> None:
        self._engine = engine
        self._passphrase = passphrase
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._keys = keys
        self._lock = lock

    @classmethod
    def open(
        cls, url: str | None = None, *, create: bool = True, audit_key_required: bool = True,
        passphrase: str | None = None,
    ) -> Database:
        """Open ``url`` (None: the default SQLite file) and apply pending migrations.

        SQLite files get a private folder and file; PostgreSQL URLs look like
        ``postgresql+psycopg://user:password@host/dbname``. With ``create=False`` only an
        existing Clinic App database is opened (``NoDatabaseError`` otherwise), so that a
        mistyped path is reported instead of answered from a new, empty database.
        ``DatabaseInUseError`` when a restore of the file does not finish within seconds.

        The audit key (see ``storage.audit_key``) is created at first start. A key that is
        missing or not this database's raises ``AuditKeyError``, unless
        ``audit_key_required`` is False (``audit verify``, which reports it instead).

        ``passphrase``: the SQLite file is (or, when new, becomes) encrypted with SQLCipher
        under it; ``PassphraseError`` when the file is encrypted and it is missing or wrong.
        """
        resolved = parse_database_url(url)
        database_file = _sqlite_file(resolved)
        if database_file is not None and passphrase is not None:
            resolved = resolved.set(drivername=_ENCRYPTED_DRIVER, password=passphrase)
        elif database_file is not None and is_encrypted(database_file):
            raise PassphraseError(
                f"{database_file} is encrypted: give its passphrase ({PASSPHRASE_VARIABLE}, "
                "the system keyring, or when asked)"
            )
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
            if passphrase is not None and database_file is not None:
                _check_passphrase(engine, database_file)
            if not create and current_revision(engine) is None:
                raise NoDatabaseError(
                    f"no Clinic App database at "
                    f"{database_file or resolved.render_as_string(hide_password=True)}"
                )
            upgrade_to_head(engine)
            in_memory = database_file is None and resolved.get_backend_name() == "sqlite"
            keys = _establish_audit_key(
                engine, None if in_memory else AuditKeyFile.configured(),
                audit_key_required,
            )
        except BaseException:
            engine.dispose()
            if lock is not None:
                lock.release()
            raise
        if database_file is not None:
            ensure_private_file(database_file)  # tighten -wal/-shm created meanwhile
        return cls(engine, keys, lock, passphrase)

    def unit_of_work(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self._sessions, self._keys)

    def restore_guard_triggers(self) -> list[str]:
        """Re-create (PostgreSQL: also re-enable) any missing guard trigger; the names."""
        with self._engine.begin() as connection:
            return restore_guard_triggers(connection)

    @property
    def display_url(self) -> str:
        """The URL with any password masked, fit for messages."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def sqlite_file(self) -> Path | None:
        """The database file for SQLite (backups, restore); None for PostgreSQL or memory."""
        return _sqlite_file(self._engine.url)

    @property
    def passphrase(self) -> str | None:
        """The SQLCipher passphrase of an encrypted file (backups are encrypted with it)."""
        return self._passphrase

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


def _check_passphrase(engine: Engine, database_file: Path) -> None:
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DBAPIError as error:
        raise PassphraseError(
            f"{database_file}: the passphrase does not open this database"
        ) from error


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


def _establish_audit_key(
    engine: Engine, key_file: AuditKeyFile | None, required: bool
) -> AuditKeyContext:
    """Read the key (creating it, and recording its fingerprint, on the database's first
    start with a key) and check it is this database's."""
    key = key_file.read() if key_file is not None else secrets.token_bytes(KEY_LENGTH)
    with Session(engine) as session:
        record = read_key_record(session, for_update=True)
        if record is None:
            if required:
                raise AuditKeyError(
                    "the database has no audit key record: it was tampered with; run "
                    "'clinic-app audit verify'"
                )
            return AuditKeyContext(key, key_file, None)
        keys = AuditKeyContext(key, key_file, record.chain_id)
        if record.fingerprint is None:
            if key is None and key_file is not None:
                key = key_file.create()
            assert key is not None
            keys = AuditKeyContext(key, key_file, record.chain_id)
            _record_key(session, keys, record.chain_id, record.keyed_from)
        elif required and key is None:
            raise AuditKeyError(
                f"the audit key of this database is missing: expected at {keys.location}. "
                f"Restore that file from a backup, or point {KEY_FILE_VARIABLE} at the copy "
                "every workstation of the clinic shares"
            )
        elif required and key is not None and record.fingerprint != key_fingerprint(key):
            raise AuditKeyError(
                f"{keys.location} is not the audit key this database was made with: use the "
                f"clinic's key file (set {KEY_FILE_VARIABLE})"
            )
    return keys


def _record_key(session: Session, keys: AuditKeyContext, chain_id: str, keyed_from: int) -> None:
    key = keys.key
    assert key is not None
    session.execute(
        update(AuditKeyRow).where(AuditKeyRow.id == 1).values(
            fingerprint=key_fingerprint(key), seal=key_record_seal(key, chain_id, keyed_from)
        )
    )
    log = SqlAlchemyAuditLog(session, keys)
    if keyed_from > 1:  # entries from before the key: the first keyed entry anchors them
        log.append(AuditEvent(
            SYSTEM_USERNAME, AuditAction.KEY_INTRODUCED, EntityType.DATABASE, None,
            f"entries 1-{keyed_from - 1} were hashed before the audit key existed; this "
            "keyed entry links to them",
        ))
    session.commit()
    if log.appended is not None:
        write_witness(keys, ChainHead(log.appended.sequence, log.appended.last_hash))
