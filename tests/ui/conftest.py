"""GUI test fixtures: private settings, a real SQLite database per test, typing helpers."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from clinic_app.app import Services, build_services
from clinic_app.storage.audit_key import KEY_FILE_VARIABLE
from clinic_app.storage.database import Database
from clinic_app.ui.settings import SETTINGS_DIR_VARIABLE, AppSettings
from tests.records.helpers import clinic_users
from tests.ui.ui_helpers import SAMPLE_PATIENTS

UI_TESTS = Path(__file__).parent

# The offscreen platform warns about window features it cannot provide.
OFFSCREEN_NOISE = ("propagateSizeHints", "This plugin does not support")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.path)).parents:
            for pattern in OFFSCREEN_NOISE:
                item.add_marker(pytest.mark.qt_log_ignore(pattern))


@pytest.fixture(autouse=True)
def ui_settings_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QSettings caches its folder on first use, so point it at this test's folder explicitly."""
    folder = tmp_path / "settings"
    folder.mkdir()
    monkeypatch.setenv(SETTINGS_DIR_VARIABLE, str(folder))
    AppSettings.redirect_to(folder)
    return folder


CLINICIAN = ("Alex Morgan", "PH123456")  # the single-user installation's signer


@pytest.fixture(scope="session")
def template_audit_key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The audit key of the session's template databases: a database file travels with its
    key, so every test that copies a template uses this key (see ``shared_audit_key``)."""
    return tmp_path_factory.mktemp("audit-key") / "audit.key"


@contextmanager
def audit_key_at(path: Path) -> Iterator[None]:
    """``path`` as the audit key while a session-wide template database is made."""
    previous = os.environ.get(KEY_FILE_VARIABLE)
    os.environ[KEY_FILE_VARIABLE] = str(path)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(KEY_FILE_VARIABLE, None)
        else:
            os.environ[KEY_FILE_VARIABLE] = previous


@pytest.fixture(autouse=True)
def shared_audit_key(template_audit_key: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(template_audit_key))
    return template_audit_key


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory, template_audit_key: Path) -> Path:
    """An empty, migrated SQLite file, copied for each test (migrating every time is slow),
    whose clinician is named as the welcome dialog names them (``CLINICIAN``)."""
    path = tmp_path_factory.mktemp("template") / "clinic.sqlite3"
    with audit_key_at(template_audit_key):
        database = Database.open(f"sqlite:///{path}")
        build_services(database).users.name_local_clinician(*CLINICIAN)
        database.close()
    return path


@pytest.fixture(scope="session")
def accounts_template(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path, template_audit_key: Path
) -> Path:
    """The empty database with four accounts: admin, cleo (clinician), stu (student) and sam
    (supervisor), password ``tests.records.helpers.PASSWORD``. Hashing a password takes
    ~0.3 s, so they are made once; modules override ``ui_database_url`` to use it."""
    path = tmp_path_factory.mktemp("accounts") / "clinic.sqlite3"
    shutil.copyfile(migrated_template, path)
    with audit_key_at(template_audit_key):
        database = Database.open(f"sqlite:///{path}")
        clinic_users(build_services(database))
        database.close()
    return path


def copy_of(template: Path, tmp_path: Path) -> str:
    target = tmp_path / "clinic.sqlite3"
    shutil.copyfile(template, target)
    target.chmod(0o600)
    return f"sqlite:///{target}"


@pytest.fixture
def ui_database_url(tmp_path: Path, migrated_template: Path) -> str:
    return copy_of(migrated_template, tmp_path)


@pytest.fixture
def services(ui_database_url: str) -> Iterator[Services]:
    database = Database.open(ui_database_url)
    yield build_services(database)
    database.close()


@pytest.fixture
def sample_patient_ids(services: Services) -> list[int]:
    return [services.patients.register(patient) for patient in SAMPLE_PATIENTS]
