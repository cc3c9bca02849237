"""Entry point of the desktop app: preflight, QApplication, main window, event loop.

Qt's GUI modules are imported only after the display preflight, so a missing
system library is reported with its Debian package name instead of an ImportError
or a Qt abort.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from clinic_app.ui.display_check import preflight

if TYPE_CHECKING:
    from clinic_app.ui.services_port import UiServices

# Test and benchmark hooks (the bundle smoke test uses the first):
QUIT_WHEN_READY = "CLINIC_APP_QUIT_AFTER_SHOWN_MS"  # N ms after the database is open
QUIT_WHEN_SHOWN = "CLINIC_APP_QUIT_BEFORE_DATABASE"  # at once, the window shown but not filled


def run(services_factory: Callable[[], UiServices]) -> int:
    """Show the main window over the services ``services_factory`` builds; the exit code."""
    refused = preflight()
    if refused is not None:
        return refused
    from PySide6.QtCore import QTimer

    from clinic_app.ui.startup import ensure_application, start_gui

    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, ensure_application().closeAllWindows)
        return start_gui(None)

    delay_ms = os.environ.get(QUIT_WHEN_READY)

    def quit_if_asked() -> None:
        if delay_ms is not None:
            QTimer.singleShot(int(delay_ms), ensure_application().closeAllWindows)

    return start_gui(services_factory, when_ready=quit_if_asked, unattended=delay_ms is not None)
