"""Export the open assessment: SOAP note or rehab plan as PDF, or the note as plain text.

Files go only where the user chose in the save dialog; the folder is remembered in
the settings, and the PDF is opened afterwards when the user asked for that.

Every export is written to the audit trail with the acting user. A PDF whose export
cannot be recorded is removed again: no document leaves the database unaudited.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from clinic_app.private_files import write_private_file
from clinic_app.reports.letterhead import DEFAULT_LETTERHEAD, Letterhead
from clinic_app.ui.failure_message import failure_message
from clinic_app.ui.session import Session
from clinic_app.ui.settings import AppSettings

if TYPE_CHECKING:  # imported when first used: start-up does not pay for ReportLab
    from clinic_app.reports.exports import ExportedDocuments
    from clinic_app.ui.editor.assessment_editor import AssessmentEditor
    from clinic_app.ui.services_port import UiServices

log = logging.getLogger(__name__)

SOAP_KIND = "SOAP note"
PLAN_KIND = "rehab plan"
_UNSAFE_IN_FILE_NAME = re.compile(r"[^\w\- .,]+")


class ExportFileDialog:
    """The save dialog, behind a classmethod so tests can answer it."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, title, str(suggested), "PDF documents (*.pdf)"
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def open_in_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def suggested_file_name(kind: str, display_name: str, on: str) -> str:
    name = _UNSAFE_IN_FILE_NAME.sub("", display_name.replace(",", "")).strip() or "patient"
    return f"{on} {kind} {name}.pdf"


def letterhead_from(settings: AppSettings) -> Letterhead:
    logo = settings.clinic_logo_path
    return Letterhead(
        clinic_name=settings.clinic_name.strip() or DEFAULT_LETTERHEAD.clinic_name,
        address=settings.clinic_address.strip(),
        logo_path=logo if logo is not None and logo.is_file() else None,
        clinician_name=settings.clinician_name.strip(),
        registration_number=settings.registration_number.strip(),
    )


class ExportPresenter(QObject):
    exported = Signal(str)  # a short message for the status bar
    failed = Signal(str)

    def __init__(
        self,
        settings: AppSettings,
        current_editor: Callable[[], QWidget | None],
        session: Session,
        parent: QWidget,
        *,
        opener: Callable[[Path], None] = open_in_viewer,
    ) -> None:
        """Exports are refused until ``attach`` gives the services (the audit trail)."""
        super().__init__(parent)
        self._settings = settings
        self._current_editor = current_editor
        self._session = session
        self._services: UiServices | None = None
        self._window = parent
        self.opener = opener

    def attach(self, services: UiServices) -> None:
        self._services = services

    # -- intents ------------------------------------------------------------------------

    def export_soap_pdf(self) -> Path | None:
        return self._export(SOAP_KIND, lambda documents: documents.soap_pdf)

    def export_plan_pdf(self) -> Path | None:
        return self._export(PLAN_KIND, lambda documents: documents.plan_pdf)

    def copy_soap_text(self) -> str | None:
        from clinic_app.domain.control_characters import printable
        from clinic_app.domain.decision import stamp_rule_set_version
        from clinic_app.reports.exports import prepare
        from clinic_app.reports.soap_text import soap_plain_text

        editor = self._editor()
        if editor is None:
            return None
        note, _plan = prepare(
            editor.patient_record.patient,
            stamp_rule_set_version(editor.assessment),
            editor.earlier_assessments,
        )
        text = soap_plain_text(note)
        if not self._record_export(editor, "Copying the SOAP note"):
            return None
        QGuiApplication.clipboard().setText(printable(text))
        self.exported.emit("SOAP note copied to the clipboard as text")
        return text

    # -- steps --------------------------------------------------------------------------

    def _editor(self) -> AssessmentEditor | None:
        editor = self._current_editor()
        if editor is None or not hasattr(editor, "assessment"):
            self.failed.emit("Open an assessment first")
            return None
        editor.flush()  # type: ignore[attr-defined]  # the stored record matches what is exported
        return editor  # type: ignore[return-value]

    def _export(self, kind: str, pick: Callable[[ExportedDocuments], bytes]) -> Path | None:
        editor = self._editor()
        if editor is None:
            return None
        assessment = editor.assessment
        name = suggested_file_name(
            kind, editor.patient_record.patient.display_name, assessment.assessment_date.isoformat()
        )
        target = ExportFileDialog.ask(self._window, f"Export {kind} as PDF", self._folder() / name)
        if target is None:
            return None
        from clinic_app.domain.decision import stamp_rule_set_version
        from clinic_app.reports.exports import export_documents

        documents = export_documents(
            editor.patient_record.patient,
            stamp_rule_set_version(assessment),
            editor.earlier_assessments,
            letterhead_from(self._settings),
        )
        try:
            write_private_file(target, pick(documents))
        except OSError as error:
            self.failed.emit(f"Could not write {target}: {error.strerror or error}")
            return None
        if not self._record_export(editor, f"Exporting the {kind}"):
            target.unlink(missing_ok=True)
            return None
        self._settings.last_export_folder = target.parent
        self._settings.sync()
        self.exported.emit(f"Exported the {kind} to {target}")
        if self._settings.open_after_export:
            self.opener(target)
        return target

    def _record_export(self, editor: AssessmentEditor, what: str) -> bool:
        """Log the export in the audit trail as the acting user; False (and said) if refused."""
        try:
            if self._services is None:
                raise RuntimeError("the export has no services yet")
            self._services.audit.record_export(editor.assessment_id, actor=self._session.actor)
        except Exception as error:
            log.error("recording an export failed: %s", type(error).__name__)
            self.failed.emit(failure_message(f"{what} was cancelled: it could not be recorded in "
                                             "the audit trail", error))
            return False
        return True

    def _folder(self) -> Path:
        remembered = self._settings.last_export_folder
        if remembered is not None and remembered.is_dir():
            return remembered
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        # Never the working folder: a missing Documents folder would make the dialog
        # open wherever the app was started from.
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()
