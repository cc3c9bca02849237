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
    from clinic_app.ui.startup import Preview

# Test and benchmark hooks (the bundle smoke test uses the first):
QUIT_WHEN_READY = "CLINIC_APP_QUIT_AFTER_SHOWN_MS"  # N ms after the database is open
QUIT_WHEN_SHOWN = "CLINIC_APP_QUIT_BEFORE_DATABASE"  # at once, the window shown but not filled
QUIT_WHEN_LISTED = "CLINIC_APP_QUIT_WHEN_LISTED"  # once the patient list shows its first page


def run(services_factory: Callable[[], UiServices], preview: Preview | None = None) -> int:
    """Show the main window over the services ``services_factory`` builds; the exit code.

    ``preview`` reads the patient list's first page while the services are still opening."""
    refused = preflight()
    if refused is not None:
        return refused
    from PySide6.QtCore import QTimer

    from clinic_app.ui.startup import ensure_application, start_gui

    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, ensure_application().closeAllWindows)
        return start_gui(None)
    if os.environ.get(QUIT_WHEN_LISTED):
        return start_gui(services_factory, preview=preview, quit_when_listed=True)

    delay_ms = os.environ.get(QUIT_WHEN_READY)

    def quit_if_asked() -> None:
        if delay_ms is not None:
            QTimer.singleShot(int(delay_ms), ensure_application().closeAllWindows)

    return start_gui(services_factory, when_ready=quit_if_asked, unattended=delay_ms is not None,
                     preview=preview)
