"""Opens the version history of the assessment in the current tab, and brings a finding
back through its session: one undoable change, like typing it, saved by autosave and
recorded in the audit trail. A read-only (signed) note brings nothing back."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from clinic_app.domain.fields import Path
    from clinic_app.ui.editor.assessment_session import AssessmentSession
    from clinic_app.ui.services_port import UiServices
    from clinic_app.ui.version_history_dialog import VersionHistoryDialog

log = logging.getLogger(__name__)


class VersionHistoryPresenter(QObject):
    failed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._services: UiServices | None = None
        self.dialog: VersionHistoryDialog | None = None

    def attach(self, services: UiServices) -> None:
        self._services = services

    def show_history(self, session: AssessmentSession | None) -> None:
        """Window-modal, not blocking: the dialog stays open while findings come back."""
        if session is None or self._services is None:
            return
        try:
            versions = self._services.versions.versions(session.assessment_id)
        except Exception as error:  # the database may be out of reach
            log.error("reading the version history failed: %s", type(error).__name__)
            self.failed.emit(f"Could not read the version history ({type(error).__name__})")
            return
        restore = None if session.read_only else (
            lambda path, value, version: self.restore(session, path, value, version)
        )
        # Loaded on first use: the assessment model is no part of the window's start-up.
        from clinic_app.ui.version_history_dialog import VersionHistoryDialog

        dialog = VersionHistoryDialog(versions, lambda: session.document, restore, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.destroyed.connect(self._forget_dialog)
        dialog.open()

    def restore(
        self, session: AssessmentSession, path: Path, value: Any, from_version: int
    ) -> bool:
        """Set ``path`` to ``value`` (from ``from_version``) as one undoable change."""
        if session.read_only or self._services is None:
            return False
        from clinic_app.domain.fields import FieldError, with_value

        try:
            after = with_value(session.document, path, value)
        except FieldError as refused:  # an older version may hold what today's rules refuse
            self.failed.emit(f"Not brought back: {refused}")
            return False
        if after == session.document:
            return False
        try:
            self._services.versions.record_restored_finding(
                session.assessment_id, from_version, actor=session.actor
            )
        except Exception as error:  # refused or unreachable: nothing is changed
            log.error("recording a restored finding failed: %s", type(error).__name__)
            self.failed.emit(f"Not brought back: {type(error).__name__}: {error}")
            return False
        session.set_finding(path, after, _title(path), shown=False)
        return True

    def _forget_dialog(self) -> None:
        self.dialog = None


def _title(path: Path) -> str:
    from clinic_app.domain.assessment import Assessment
    from clinic_app.domain.fields import spec_index

    spec = spec_index(Assessment).get(path)
    return spec.title if spec is not None else " › ".join(path)
