"""Export the open assessment: SOAP note or rehab plan as PDF, or the note as plain text.

Files go only where the user chose in the save dialog; the folder is remembered in
the settings, and the PDF is opened afterwards when the user asked for that.

The export itself is the export service's (the same use case as the command line): the
stored record with its signature and addenda, written to the audit trail with the
acting user; a PDF whose export cannot be recorded is removed again.
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

from clinic_app.domain.letterhead import DEFAULT_LETTERHEAD, Letterhead
from clinic_app.ui.failure_message import failure_message
from clinic_app.ui.session import Session
from clinic_app.ui.settings import AppSettings

if TYPE_CHECKING:  # imported when first used: start-up does not pay for the domain and PDFs
    from clinic_app.services.exporting import DocumentKind, DocumentSink
    from clinic_app.ui.editor.assessment_session import AssessmentSession
    from clinic_app.ui.services_port import UiServices

log = logging.getLogger(__name__)

_UNSAFE_IN_FILE_NAME = re.compile(r"[^\w\- .,]+")


class ExportFileDialog:
    """The save dialog, behind a classmethod so tests can answer it; subclasses name
    another kind of file."""

    FILTER = "PDF documents (*.pdf)"
    SUFFIX = ".pdf"

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), cls.FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == cls.SUFFIX else path.with_name(path.name + cls.SUFFIX)


class FhirFileDialog(ExportFileDialog):
    FILTER = "FHIR documents (*.json)"
    SUFFIX = ".json"


FileAsker = Callable[[QWidget | None, str, Path], Path | None]


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
    warned = Signal(str)  # the document was made, with something the user should know

    def __init__(
        self,
        settings: AppSettings,
        current_session: Callable[[], AssessmentSession | None],
        session: Session,
        parent: QWidget,
        *,
        opener: Callable[[Path], None] = open_in_viewer,
    ) -> None:
        """Exports are refused until ``attach`` gives the services (the audit trail)."""
        super().__init__(parent)
        self._settings = settings
        self._current_session = current_session
        self._session = session
        self._services: UiServices | None = None
        self._window = parent
        self.opener = opener

    def attach(self, services: UiServices) -> None:
        self._services = services

    # -- intents ------------------------------------------------------------------------

    def export_soap_pdf(self) -> Path | None:
        from clinic_app.services.exporting import DocumentKind

        return self._export_pdf(DocumentKind.SOAP_PDF)

    def export_plan_pdf(self) -> Path | None:
        from clinic_app.services.exporting import DocumentKind

        return self._export_pdf(DocumentKind.PLAN_PDF)

    def export_fhir(self) -> Path | None:
        """The stored assessment as a FHIR R4 document, where the user chose."""
        from clinic_app.services.exporting import DocumentKind

        session = self._saved_session()
        if session is None:
            return None
        name = suggested_file_name(
            "FHIR", session.patient_record.patient.display_name,
            session.document.assessment_date.isoformat(),
        ).removesuffix(".pdf") + ".json"
        return self.export_file(session.assessment_id, DocumentKind.FHIR_JSON, name,
                                ask=FhirFileDialog.ask, title="Export as FHIR document")

    def copy_soap_text(self) -> str | None:
        from clinic_app.export_sinks import MemorySink
        from clinic_app.services.exporting import DocumentKind

        session = self._saved_session()
        if session is None:
            return None
        sink = MemorySink(DocumentKind.SOAP_TEXT)
        if not self._run(session, sink):
            return None
        QGuiApplication.clipboard().setText(sink.text)
        self.exported.emit("SOAP note copied to the clipboard as text")
        return sink.text

    # -- steps --------------------------------------------------------------------------

    def _saved_session(self) -> AssessmentSession | None:
        """The open assessment, saved: what is exported is the stored record."""
        session = self._current_session()
        if session is None:
            self.failed.emit("Open an assessment first")
            return None
        if not session.flush():
            self.failed.emit("Not exported: the latest changes could not be saved, so the "
                             "document would not match the screen")
            return None
        return session

    def _export_pdf(self, kind: DocumentKind) -> Path | None:
        session = self._saved_session()
        if session is None:
            return None
        name = suggested_file_name(
            kind.value, session.patient_record.patient.display_name,
            session.document.assessment_date.isoformat(),
        )
        return self.export_file(session.assessment_id, kind, name)

    def export_file(
        self, assessment_id: int, kind: DocumentKind, suggested_name: str,
        *, ask: FileAsker | None = None, title: str = "",
        before: Callable[[], bool] | None = None,
    ) -> Path | None:
        """Ask where, then export the stored assessment there; ``before`` runs once the
        file is chosen and may stop the export (returning False)."""
        from clinic_app.export_sinks import FileSink

        ask = ask or ExportFileDialog.ask
        title = title or f"Export {kind.value} as PDF"
        target = ask(self._window, title, self._folder() / suggested_name)
        if target is None or (before is not None and not before()):
            return None
        if not self.export_to(assessment_id, FileSink(kind, target)):
            return None
        self._settings.last_export_folder = target.parent
        self._settings.sync()
        self.exported.emit(f"Exported the {kind.value} to {target}")
        if self._settings.open_after_export and target.suffix.lower() == ".pdf":
            self.opener(target)
        return target

    def _run(self, session: AssessmentSession, sink: DocumentSink) -> bool:
        return self.export_to(session.assessment_id, sink)

    def export_to(self, assessment_id: int, sink: DocumentSink) -> bool:
        """Export through the one export use case; False (and said) when it did not happen."""
        from clinic_app.export_sinks import ExportWriteError

        what = f"Exporting the {sink.kind.value}"
        try:
            if self._services is None:
                raise RuntimeError("the export has no services yet")
            result = self._services.exports.export_stored(
                assessment_id, [sink], letterhead_from(self._settings),
                self._session.actor,
            )
        except ExportWriteError as error:
            self.failed.emit(f"Could not write {error.filename or 'the file'}: "
                             f"{error.strerror or error}; {what.lower()} was cancelled")
            return False
        except PermissionError as error:  # the acting user cannot be recorded as exporting
            self.failed.emit(failure_message(
                f"{what} was cancelled: it could not be recorded in the audit trail", error
            ))
            return False
        except Exception as error:
            log.error("an export failed: %s", type(error).__name__)
            self.failed.emit(failure_message(f"{what} was cancelled", error))
            return False
        for warning in result.warnings:
            self.warned.emit(warning)
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
