"""File > Import case files: one or many case files stored as drafts, through the same use
case as ``clinic-app import`` (a stored patient is matched, never duplicated silently).

Every file is read and checked before anything is stored; a file with problems is named
with its first problem and nothing is imported, as on the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from clinic_app.ui.failure_message import failure_message

if TYPE_CHECKING:
    from clinic_app.ui.services_port import UiServices
    from clinic_app.ui.session import Session


class CaseFilesDialog:
    """The open dialog, behind a classmethod so tests can answer it."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> list[Path]:
        chosen, _filter = QFileDialog.getOpenFileNames(
            parent, "Import case files", "", "Case files (*.json)"
        )
        return [Path(name) for name in chosen]


class ImportPresenter(QObject):
    imported = Signal(str)  # the summary for the status bar
    failed = Signal(str)

    def __init__(
        self, services: Callable[[], UiServices | None], session: Session, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._window = parent

    def import_case_files(self) -> int:
        """The number of case files stored (0 when cancelled or refused)."""
        from clinic_app.case_reading import read_case
        from clinic_app.domain.case_file import CaseFileError

        services = self._services()
        paths = CaseFilesDialog.ask(self._window)
        if services is None or not paths:
            return 0
        cases = []
        for path in paths:
            try:
                cases.append(read_case(path))
            except CaseFileError as error:
                self.failed.emit(f"Nothing imported: {path.name}: {error.lines[0]}")
                return 0
        new = matched = 0
        try:
            for case in cases:
                stored = services.imports.import_case(case, self._session.actor)
                matched += stored.patient_matched
                new += not stored.patient_matched
        except Exception as error:
            self.failed.emit(failure_message("Importing the case files stopped", error))
            return new + matched
        self.imported.emit(
            f"Imported {len(cases)} case file{'s' * (len(cases) != 1)} as drafts: "
            f"{new} new patient{'s' * (new != 1)}, {matched} matched to a stored patient"
        )
        return len(cases)
