"""Entry point of the desktop app: preflight, QApplication, main window, event loop.

Qt's GUI modules are imported only after the display preflight, so a missing
system library is reported with its Debian package name instead of an ImportError
or a Qt abort.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from clinic_app.ui.display_check import preflight
from clinic_app.ui.services_port import UiServices


def run(services_factory: Callable[[], UiServices]) -> int:
    """Show the main window over the services ``services_factory`` builds; the exit code."""
    refused = preflight()
    if refused is not None:
        return refused
    from clinic_app.ui.startup import start_gui

    quit_after_shown_if_asked()
    return start_gui(services_factory)


def quit_after_shown_if_asked() -> None:
    """Bundle smoke test: CLINIC_APP_QUIT_AFTER_SHOWN_MS=N closes all windows N ms into the loop."""
    delay_ms = os.environ.get("CLINIC_APP_QUIT_AFTER_SHOWN_MS")
    if delay_ms is not None:
        from PySide6.QtCore import QTimer

        from clinic_app.ui.startup import ensure_application

        QTimer.singleShot(int(delay_ms), ensure_application().closeAllWindows)
