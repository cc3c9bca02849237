"""Shared fixtures: private user folders for every test, and databases on both engines.

PostgreSQL runs in a throwaway cluster started once per session, only when a test
asks for it. Locally a machine without PostgreSQL skips those tests; with CI=true
they fail instead, so CI can never pass without having run them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest

if TYPE_CHECKING:
    from clinic_app.storage.database import Database


POSTGRES_BIN = Path(os.environ.get("CLINIC_APP_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
SERVICE_USER = "postgres"
START_TIMEOUT_S = 30


class ClusterUnavailable(RuntimeError):
    """PostgreSQL could not be started here (missing binaries, no postgres user, ...)."""


@dataclass
class PostgresCluster:
    folder: Path
    port: int
    _names: Iterator[int] = field(default_factory=lambda: count(1))

    @property
    def admin_url(self) -> str:
        return f"postgresql://{SERVICE_USER}@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SERVICE_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        name = f"clinic_test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def halt(self) -> None:
        """Stop the server, dropping every connection, keeping its data (``resume`` it).
        Fast, not immediate: with synchronous_commit=off an immediate stop may lose the
        last commits, which a real server does not."""
        _run_as_service_user(
            [str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast",
             "-w", "stop"]
        )

    def resume(self) -> None:
        """Start the halted server again, on the same port with the same data."""
        _start_server(self.folder, self.port)

    def stop(self) -> None:
        try:
            _run_as_service_user(
                [str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                 "-w", "stop"]
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> PostgresCluster:
    """Initialise and start a cluster in a fresh folder; ``ClusterUnavailable`` if impossible."""
    if not (POSTGRES_BIN / "initdb").exists():
        raise ClusterUnavailable(f"no initdb in {POSTGRES_BIN}")
    folder = Path(tempfile.mkdtemp(prefix="clinic-app-pg-"))
    try:
        if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to postgres
            shutil.chown(folder, user=SERVICE_USER)
        data = folder / "data"
        _run_as_service_user(
            [str(POSTGRES_BIN / "initdb"), "-D", str(data), "-U", SERVICE_USER, "-A", "trust",
             "-E", "UTF8", "--no-sync"]
        )
        port = _free_port()
        _start_server(folder, port)
    except (OSError, LookupError, subprocess.SubprocessError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise ClusterUnavailable(str(error)) from error
    return PostgresCluster(folder, port)


def _start_server(folder: Path, port: int) -> None:
    settings = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    _run_as_service_user(
        [str(POSTGRES_BIN / "pg_ctl"), "-D", str(folder / "data"), "-o", settings,
         "-l", str(folder / "server.log"), "-t", str(START_TIMEOUT_S), "-w", "start"]
    )


def _run_as_service_user(command: list[str]) -> None:
    prefix = ["runuser", "-u", SERVICE_USER, "--"] if os.geteuid() == 0 else []
    result = subprocess.run(
        [*prefix, *command], capture_output=True, text=True, timeout=START_TIMEOUT_S + 30
    )
    if result.returncode != 0:
        raise subprocess.SubprocessError(
            f"{Path(command[0]).name} exited {result.returncode}: {result.stderr.strip()[-500:]}"
        )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's data, settings or database."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for variable, folder in (
        ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("CLINIC_APP_DATA_DIR", str(tmp_path / "clinic-data"))
    monkeypatch.delenv("CLINIC_APP_DATABASE_URL", raising=False)
    return home


def _running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _started_cluster() -> PostgresCluster:
    """A new throwaway cluster; a test that needs one fails in CI and skips elsewhere when
    PostgreSQL cannot be started."""
    try:
        return start_cluster()
    except ClusterUnavailable as error:
        message = f"PostgreSQL test cluster could not be started: {error}"
        if _running_in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    cluster = _started_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def restartable_cluster() -> Iterator[PostgresCluster]:
    """A cluster of the test's own, which it may ``halt`` and ``resume`` (an outage)
    without disturbing the session's shared cluster."""
    cluster = _started_cluster()
    try:
        yield cluster
    finally:
        with contextlib.suppress(subprocess.SubprocessError):  # a test failed while halted
            cluster.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to a fresh, empty database: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite+pysqlite:///{tmp_path / 'test.sqlite3'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    name = cluster.create_database()
    try:
        yield cluster.url(name)
    finally:
        cluster.drop_database(name)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A migrated database on each engine, closed after the test."""
    from clinic_app.storage.database import Database

    opened = Database.open(database_url)
    try:
        yield opened
    finally:
        opened.close()
