"""Start-up: the window over real services, a database that cannot open, no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from clinic_app.app import build_services, open_database
from clinic_app.ui import startup
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings

REPO = Path(__file__).resolve().parents[2]


def test_main_window_over_a_real_database_file(qtbot, ui_database_url: str) -> None:
    app = startup.ensure_application()
    assert (app.organizationName(), app.applicationName()) == ("clinic-app", "clinic-app")
    AppSettings().welcome_done = True  # not a first start: tests/ui/test_welcome_dialog.py
    window = startup.create_main_window(lambda: build_services(open_database(ui_database_url)))
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.windowTitle().startswith("Clinic App")


def test_a_database_that_cannot_open_is_reported(qtbot, monkeypatch, tmp_path: Path) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(
        startup, "report_database_failure", lambda parent, error: reported.append(error)
    )
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the database folder should be")
    url = f"sqlite:///{blocked}/clinic.sqlite3"
    window = startup.create_main_window(lambda: build_services(open_database(url)))
    assert window is None
    assert len(reported) == 1
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                and w.isVisible()]


def test_database_failure_dialog_names_the_problem(qtbot, monkeypatch) -> None:
    shown: list[tuple[QWidget | None, str, str]] = []
    def record(parent: QWidget | None, title: str, text: str) -> None:
        shown.append((parent, title, text))

    monkeypatch.setattr(startup.QMessageBox, "critical", record)
    startup.report_database_failure(None, ConnectionRefusedError("server not running"))
    ((_, title, text),) = shown
    assert "database" in title
    assert "ConnectionRefusedError: server not running" in text
    assert "CLINIC_APP_DATABASE_URL" in text


@pytest.mark.slow
def test_without_a_display_the_app_explains_instead_of_aborting(tmp_path: Path) -> None:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    environment["CLINIC_APP_DATABASE_URL"] = f"sqlite:///{tmp_path}/never-created.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "clinic_app"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "no display found; run `xvfb-run make run` or set QT_QPA_PLATFORM=offscreen" in (
        result.stderr
    )
    assert not (tmp_path / "never-created.sqlite3").exists()  # nothing touched before the check
