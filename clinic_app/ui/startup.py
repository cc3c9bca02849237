"""Create the QApplication and the main window (after the display preflight passed).

The window is shown first and the database opened from the event loop right after:
the clinician sees the app at once, and the SQL, domain and PDF modules load while
the window paints ("Opening the patient database..." in the status bar).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clinic_app import __version__
from clinic_app.resources import resource
from clinic_app.ui.login_dialog import LoginDialog
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.services_port import UiServices
from clinic_app.ui.settings import APPLICATION, ORGANIZATION, AppSettings
from clinic_app.ui.welcome_dialog import welcome_on_first_start

if TYPE_CHECKING:
    from clinic_app.domain.patient_listing import ListedRecord

Preview = Callable[[int], "list[ListedRecord] | None"]  # the first patients, read early

DATABASE_FAILURE_EXIT_CODE = 1
RECOVERED_MESSAGE_MS = 30_000
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


def open_services(
    window: MainWindow, services_factory: Callable[[], UiServices], *, unattended: bool = False
) -> UiServices | None:
    """Build the services and give them to ``window``; None (window closed) when they fail.

    ``unattended`` (the smoke test, the benchmark): nobody answers a first-start dialog."""
    try:
        services = services_factory()
    except Exception as error:
        log.error("opening the database failed: %s", type(error).__name__)
        report_database_failure(window, error)
        window.close()
        return None
    window.statusBar().clearMessage()  # the database is open; dialogs may follow
    welcome_on_first_start(window, services, ask=not unattended)
    several_accounts = services.users.login_required()  # asked once: attach reuses it
    if several_accounts and not log_in(window, services):
        window.close()  # Quit at the login is no failure: the app ends normally, unattached
        return services
    # Here, not at the top: it loads the assessment model, after the window and list show.
    from clinic_app.ui.unsaved_recovery import recovered_message, save_unsaved_edits

    recovered = save_unsaved_edits(services, window.session.actor)  # before tabs reopen
    window.attach(services, several_accounts=several_accounts)
    if recovered:
        window.statusBar().showMessage(recovered_message(recovered), RECOVERED_MESSAGE_MS)
    # Give the keyboard back to the window after the dialogs: Ctrl+F must work at once.
    window.activateWindow()
    window.search_edit.setFocus()
    return services


def log_in(window: MainWindow, services: UiServices) -> bool:
    """Ask who is working (only when several accounts share the database; ``window.session``
    keeps the user). False: the user chose Quit."""
    window.statusBar().showMessage("Log in to continue")
    user = LoginDialog.ask(window, services.users)
    if user is None:
        return False
    window.session.log_in(user)
    return True


def create_main_window(
    services_factory: Callable[[], UiServices],
    settings: AppSettings | None = None,
    *,
    unattended: bool = False,
) -> MainWindow | None:
    """The main window shown over freshly built services, or None when they fail to open."""
    window = MainWindow(None, settings or AppSettings())
    window.show()
    opened = open_services(window, services_factory, unattended=unattended)
    return window if opened is not None else None


def start_gui(
    services_factory: Callable[[], UiServices] | None,
    when_ready: Callable[[], None] | None = None,
    *,
    unattended: bool = False,
    preview: Preview | None = None,
    quit_when_listed: bool = False,
) -> int:
    """Show the window, fill the patient list's first page (``preview``), open the services
    from the event loop, then call ``when_ready``.

    Without a ``services_factory`` the window stays empty (the start-up benchmark);
    ``quit_when_listed``: quit as soon as the list shows patients (the benchmark too).
    """
    app = ensure_application()
    window = MainWindow(None, AppSettings())
    window.show()
    if services_factory is None:
        return int(app.exec())
    outcome: list[int] = []

    def preview_then_open() -> None:
        if preview is not None and window.show_preview(preview):
            window.patient_table.repaint()  # painted now: opening the services blocks a while
            if quit_when_listed:
                app.quit()
                return
        QTimer.singleShot(0, open_then_notify)

    def open_then_notify() -> None:
        if open_services(window, services_factory, unattended=unattended) is None:
            outcome.append(DATABASE_FAILURE_EXIT_CODE)
            app.exit(DATABASE_FAILURE_EXIT_CODE)
        elif quit_when_listed:
            app.quit()
        elif when_ready is not None:
            when_ready()

    QTimer.singleShot(0, preview_then_open)
    code = int(app.exec())
    return outcome[0] if outcome else code
