"""Create the QApplication and the main window (after the display preflight passed)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clinic_app import __version__
from clinic_app.resources import resource
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.services_port import UiServices
from clinic_app.ui.settings import APPLICATION, ORGANIZATION, AppSettings

DATABASE_FAILURE_EXIT_CODE = 1
ICON_NAMES = ("clinic-app.svg", "clinic-app.png", "clinic_app.svg", "clinic_app.png")

log = logging.getLogger(__name__)


def ensure_application() -> QApplication:
    """The QApplication, named so QSettings and the desktop find the app."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Clinic App")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("clinic-app")
    icon = application_icon()
    if icon is not None:
        app.setWindowIcon(icon)
    return app


def application_icon() -> QIcon | None:
    for name in ICON_NAMES:
        path = resource("icons", name)
        if path.is_file():
            return QIcon(str(path))
    return None


def report_database_failure(parent: QWidget | None, error: BaseException) -> None:
    """Tell the user the database could not be opened (tests replace this function)."""
    QMessageBox.critical(
        parent,
        "Clinic App: database not available",
        "The patient database could not be opened, so the app cannot start.\n\n"
        f"{type(error).__name__}: {error}\n\n"
        "Check the --database option or CLINIC_APP_DATABASE_URL, that the database "
        "server is running, and that the data folder is writable.",
    )


def create_main_window(
    services_factory: Callable[[], UiServices], settings: AppSettings | None = None
) -> MainWindow | None:
    """The main window shown over freshly built services, or None when they fail to open."""
    try:
        services = services_factory()
    except Exception as error:
        log.error("opening the database failed: %s", type(error).__name__)
        report_database_failure(None, error)
        return None
    window = MainWindow(services, settings or AppSettings())
    window.show()
    return window


def start_gui(services_factory: Callable[[], UiServices]) -> int:
    app = ensure_application()
    window = create_main_window(services_factory)
    if window is None:
        return DATABASE_FAILURE_EXIT_CODE
    return int(app.exec())
