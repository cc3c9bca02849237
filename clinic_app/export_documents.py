"""The export service's renderer: every document kind of one export, each built on first
request, all from the one ``ExportSource`` the service loaded (a FHIR-only export builds
no PDF; a case file is the source itself)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cached_property

from clinic_app.domain.decision import Evaluation
from clinic_app.domain.letterhead import Letterhead
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.domain.soap.document import SoapNote
from clinic_app.interop.fhir_document import FhirSource, fhir_document_bytes
from clinic_app.reports.episode_documents import EpisodeDocuments
from clinic_app.reports.exports import (
    ExportedDocuments,
    load_library,
    prepare_evaluated,
    render_documents,
)
from clinic_app.reports.soap_text import soap_plain_text
from clinic_app.services.exporting import DocumentKind, ExportSource

_PDF_KINDS = frozenset({DocumentKind.SOAP_PDF, DocumentKind.PLAN_PDF})
_EPISODE_KINDS = frozenset(
    {DocumentKind.PROGRESS_PDF, DocumentKind.DISCHARGE_PDF, DocumentKind.FOLLOW_UP_ICS}
)


class RecordDocuments:
    def __init__(self, source: ExportSource, letterhead: Letterhead) -> None:
        self._source = source
        self._letterhead = letterhead
        self._pdfs_built = False

    def content(self, kind: DocumentKind) -> bytes:
        if kind in _PDF_KINDS:
            return self._pdfs.content(kind)
        if kind in _EPISODE_KINDS:
            _note, plan, _evaluation = self._prepared
            return EpisodeDocuments(self._source, self._letterhead, load_library).content(
                kind, plan
            )
        if kind is DocumentKind.CASE_JSON:
            return (self._source.case_file().to_json() + "\n").encode("utf-8")
        note, plan, evaluation = self._prepared
        if kind is DocumentKind.SOAP_TEXT:
            return soap_plain_text(note).encode("utf-8")
        source = self._source
        library = load_library()
        return fhir_document_bytes(FhirSource(
            patient=source.patient, assessment=source.assessment, note=note,
            evaluation=evaluation, plan=plan,
            exercise_names={exercise.id: exercise.name for exercise in library},
            trail=source.trail, assembled_at=datetime.now(UTC).replace(microsecond=0),
        ))

    @property
    def warnings(self) -> tuple[str, ...]:
        return self._pdfs.warnings if self._pdfs_built else ()

    @cached_property
    def _prepared(self) -> tuple[SoapNote, RehabPlan, Evaluation]:
        source = self._source
        return prepare_evaluated(source.patient, source.assessment, source.earlier, source.trail)

    @cached_property
    def _pdfs(self) -> ExportedDocuments:
        self._pdfs_built = True
        return render_documents(self._source, self._letterhead)
