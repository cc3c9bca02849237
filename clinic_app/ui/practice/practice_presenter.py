"""Opens practice attempts and the supervisor's view from the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from clinic_app.services.practice import PracticeService
    from clinic_app.ui.practice.practice_window import PracticeWindow
    from clinic_app.ui.practice.supervisor_view import PracticeSupervisorView
    from clinic_app.ui.session import Session

WINDOW_SIZE = (1366, 768)


class PracticePresenter(QObject):
    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.service: PracticeService | None = None
        self.windows: list[QWidget] = []

    def attach(self, service: PracticeService) -> None:
        self.service = service

    def _name(self) -> str:
        user = self._session.user
        return user.display_name if user is not None else ""

    def start_requested(self) -> PracticeWindow | None:
        if self.service is None:
            return None
        # Practice mode is rarely opened: its modules load on first use, not at start-up.
        from clinic_app.domain.practice.case import PracticeCaseError
        from clinic_app.ui.practice.practice_window import PracticeWindow
        from clinic_app.ui.practice.start_dialog import PracticeStartDialog

        try:
            cases = self.service.cases()
        except PracticeCaseError as error:
            QMessageBox.warning(self._parent, "Practice cases", "\n".join(error.lines[:8]))
            return None
        start = PracticeStartDialog.ask(cases, self._name(), self._parent)
        if start is None:
            return None
        window = PracticeWindow(self.service, start.case, start.student, start.osce_minutes)
        return self._show(window)

    def supervisor_requested(self) -> PracticeSupervisorView | None:
        if self.service is None:
            return None
        from clinic_app.ui.practice.supervisor_view import PracticeSupervisorView

        return self._show(PracticeSupervisorView(self.service, self._name() or "supervisor"))

    def _show(self, window: QWidget) -> QWidget:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.resize(*WINDOW_SIZE)
        window.destroyed.connect(lambda: self.windows.remove(window)
                                 if window in self.windows else None)
        self.windows.append(window)
        window.show()
        return window
