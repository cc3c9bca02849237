"""Exporting a note: the one use case behind the GUI's export actions, ``export`` and ``demo``.

A stored assessment is exported as it is on record: the record, its signature and
addenda, the patient and the earlier visits are read in one unit of work, so a signed
note prints its signer, time, hash and addenda whichever path asked for it. The
documents go to sinks the caller chose (files, standard output, the clipboard); the
export enters the audit trail only once every sink has its document, and a sink
whose export could not be recorded is discarded again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from clinic_app.domain.anonymised_case import anonymised_case
from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.decision import stamp_rule_set_version
from clinic_app.domain.episode.visits import VisitKind
from clinic_app.domain.letterhead import Letterhead
from clinic_app.domain.patient import Patient
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import User
from clinic_app.domain.records.signature import RecordTrail
from clinic_app.services.actors import audit, resolve_actor
from clinic_app.services.assessment_history import episode_until
from clinic_app.services.ports import UnitOfWorkFactory


class DocumentKind(StrEnum):
    SOAP_PDF = "SOAP note"
    PLAN_PDF = "rehab plan"
    SOAP_TEXT = "SOAP note as text"
    PROGRESS_PDF = "progress report"
    DISCHARGE_PDF = "discharge summary"
    FOLLOW_UP_ICS = "follow-up appointment (iCalendar)"
    FHIR_JSON = "FHIR document"
    CASE_JSON = "case file"


@dataclass(frozen=True)
class ExportSource:
    """Everything a note and plan are made of."""

    patient: Patient
    assessment: Assessment
    earlier: tuple[Assessment, ...] = ()
    trail: RecordTrail | None = None
    # The visit kind of each earlier assessment and then of this one (the episode of care);
    # empty for a case file, whose first assessment is the initial one.
    kinds: tuple[VisitKind, ...] = ()
    # The assessment exactly as stored (a draft's is not stamped with the rule set it is
    # printed under): what a case-file export writes. None: ``assessment`` is it.
    recorded: Assessment | None = None
    title: str | None = None

    def case_file(self) -> CaseFile:
        """The source as a case file (patient, assessment as stored, earlier visits)."""
        return CaseFile(
            title=self.title, patient=self.patient,
            assessment=self.recorded or self.assessment,
            earlier_assessments=list(self.earlier),
        )


@dataclass(frozen=True)
class Anonymisation:
    """How an anonymised export shifts dates and names the case (see anonymised_case)."""

    shift_days: int
    label: str

    def apply(self, source: ExportSource) -> ExportSource:
        case = anonymised_case(source.case_file(), self.shift_days, self.label)
        stamped = case.assessment.model_copy(
            update={"rule_set_version": source.assessment.rule_set_version}
        )
        # A signature names its signer: an anonymised export carries no trail.
        return ExportSource(
            case.patient, stamped, tuple(case.earlier_assessments), None, source.kinds,
            recorded=case.assessment, title=case.title,
        )


class RenderedDocuments(Protocol):
    def content(self, kind: DocumentKind) -> bytes: ...
    @property
    def warnings(self) -> tuple[str, ...]:
        """Things the reader should know about the rendering (e.g. a character no font has)."""
        ...


class DocumentRenderer(Protocol):
    def __call__(self, source: ExportSource, letterhead: Letterhead) -> RenderedDocuments: ...


class DocumentSink(Protocol):
    """Where one document goes; ``discard`` undoes ``write`` (removes a written file)."""

    kind: DocumentKind

    def write(self, data: bytes) -> None: ...
    def discard(self) -> None: ...


@dataclass(frozen=True)
class ExportResult:
    source: ExportSource
    warnings: tuple[str, ...]

    @property
    def signed(self) -> bool:
        trail = self.source.trail
        return trail is not None and trail.signature is not None


class ExportService:
    def __init__(self, unit_of_work: UnitOfWorkFactory, renderer: DocumentRenderer) -> None:
        self._uow = unit_of_work
        self._render = renderer

    def load(self, assessment_id: int) -> ExportSource:
        """The stored assessment as it would be exported (``NotFoundError`` if unknown)."""
        with self._uow() as uow:
            record = uow.assessments.get(assessment_id)
            signed = record.assessment.status is AssessmentStatus.SIGNED
            patient = record.signed_patient if signed and record.signed_patient else (
                uow.patients.get(record.patient_id).patient
            )
            trail = RecordTrail(
                record.signature, tuple(uow.addenda.for_assessment(record.id)),
                uow.audit.head() if signed else None,
            )
            episode = episode_until(uow, record)
        earlier = tuple(visit.assessment for visit in episode[:-1])
        kinds = tuple(visit.kind for visit in episode)
        # A draft is printed under the rules it is evaluated with now; a signed note
        # keeps the rule-set version it was signed under.
        assessment = record.assessment if signed else stamp_rule_set_version(record.assessment)
        return ExportSource(patient, assessment, earlier, trail, kinds, record.assessment)

    def export_stored(
        self,
        assessment_id: int,
        sinks: Sequence[DocumentSink],
        letterhead: Letterhead,
        actor: User | None,
        anonymisation: Anonymisation | None = None,
    ) -> ExportResult:
        """Render the stored assessment into ``sinks`` and log the export as ``actor``."""
        with self._uow() as uow:  # who exports is checked before anything is rendered
            resolve_actor(uow, actor)
        source = self.load(assessment_id)
        if anonymisation is not None:
            source = anonymisation.apply(source)
        result = self._deliver(source, sinks, letterhead)
        try:
            with self._uow() as uow:
                acting = resolve_actor(uow, actor)
                audit(uow, acting, AuditAction.EXPORTED, EntityType.ASSESSMENT, assessment_id)
                uow.commit()
        except BaseException:
            for sink in sinks:
                sink.discard()
            raise
        return result

    def export_case(
        self, case: CaseFile, sinks: Sequence[DocumentSink], letterhead: Letterhead,
        anonymisation: Anonymisation | None = None,
    ) -> ExportResult:
        """A case file is not a record: no signature trail, nothing to audit."""
        source = ExportSource(case.patient, case.assessment, tuple(case.earlier_assessments),
                              title=case.title)
        if anonymisation is not None:
            source = anonymisation.apply(source)
        return self._deliver(source, sinks, letterhead)

    def record_of(self, patient_id: int) -> list[int]:
        """The ids of every assessment of the patient, oldest first (``NotFoundError`` if
        the patient is unknown): what a whole-record export writes."""
        with self._uow() as uow:
            uow.patients.get(patient_id)
            summaries = uow.assessments.for_patient(patient_id)
        return [summary.id for summary in summaries]

    def _deliver(
        self, source: ExportSource, sinks: Sequence[DocumentSink], letterhead: Letterhead
    ) -> ExportResult:
        documents = self._render(source, letterhead)
        written: list[DocumentSink] = []
        try:
            for sink in sinks:
                sink.write(documents.content(sink.kind))
                written.append(sink)
        except BaseException:
            for sink in written:
                sink.discard()
            raise
        return ExportResult(source, documents.warnings)
