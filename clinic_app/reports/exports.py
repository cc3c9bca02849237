"""Export one assessment: evaluate, build the plan and the note, render both PDFs.

The one place the reports side reads files (the exercise library and its
pictures, through ``clinic_app.resources``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import Evaluation, evaluate
from clinic_app.domain.letterhead import DEFAULT_LETTERHEAD, Letterhead
from clinic_app.domain.patient import Patient
from clinic_app.domain.records.signature import RecordTrail
from clinic_app.domain.rehab.builder import plan_for_export
from clinic_app.domain.rehab.handout import RehabHandout, build_handout
from clinic_app.domain.rehab.library import ExerciseLibrary, parse_library
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.domain.soap.builder import build_soap_note, identity
from clinic_app.domain.soap.document import SoapNote
from clinic_app.reports.font_runs import noticing
from clinic_app.reports.glyph_warnings import glyph_warnings, record_fields
from clinic_app.reports.plan_pdf import build_plan_pdf
from clinic_app.reports.soap_pdf import build_soap_pdf
from clinic_app.reports.soap_text import soap_plain_text
from clinic_app.resources import resource
from clinic_app.services.exporting import DocumentKind, ExportSource


def exercises_folder() -> Path:
    return resource("exercises")


@cache
def load_library() -> ExerciseLibrary:
    return parse_library((exercises_folder() / "library.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class ExportedDocuments:
    note: SoapNote
    plan: RehabPlan
    handout: RehabHandout
    soap_pdf: bytes
    plan_pdf: bytes
    # Characters the PDFs could not print as written, one line each (see glyph_warnings).
    warnings: tuple[str, ...] = ()

    @property
    def soap_text(self) -> str:
        return soap_plain_text(self.note)

    def content(self, kind: DocumentKind) -> bytes:
        if kind is DocumentKind.SOAP_PDF:
            return self.soap_pdf
        if kind is DocumentKind.PLAN_PDF:
            return self.plan_pdf
        if kind is DocumentKind.SOAP_TEXT:
            return self.soap_text.encode("utf-8")
        raise ValueError(f"the note and plan hold no {kind}: see export_documents.py")


def render_documents(source: ExportSource, letterhead: Letterhead) -> ExportedDocuments:
    """The note and plan of ``source`` as PDFs and text."""
    return export_documents(
        source.patient, source.assessment, source.earlier, letterhead, source.trail
    )


def prepare(
    patient: Patient,
    assessment: Assessment,
    earlier: Sequence[Assessment] = (),
    trail: RecordTrail | None = None,
) -> tuple[SoapNote, RehabPlan]:
    note, plan, _ = prepare_evaluated(patient, assessment, earlier, trail)
    return note, plan


def prepare_evaluated(
    patient: Patient,
    assessment: Assessment,
    earlier: Sequence[Assessment],
    trail: RecordTrail | None,
) -> tuple[SoapNote, RehabPlan, Evaluation]:
    library = load_library()
    evaluation = evaluate(patient, assessment, tuple(earlier))
    plan = plan_for_export(assessment, evaluation, library)
    note = build_soap_note(patient, assessment, evaluation, plan, library, trail)
    return note, plan, evaluation


def export_documents(
    patient: Patient,
    assessment: Assessment,
    earlier: Sequence[Assessment] = (),
    letterhead: Letterhead = DEFAULT_LETTERHEAD,
    trail: RecordTrail | None = None,
) -> ExportedDocuments:
    """``trail``: the stored signature and addenda, printed on the note."""
    note, plan, evaluation = prepare_evaluated(patient, assessment, earlier, trail)
    handout = build_handout(plan, load_library(), evaluation.conclusion.red_flags_not_screened)
    with noticing() as notices:
        soap_pdf = build_soap_pdf(note, letterhead)
        plan_pdf = build_plan_pdf(
            handout,
            identity(patient, assessment),
            assessment.clinician,
            assessment.assessment_date,
            letterhead,
            exercises_folder(),
            draft=not note.signed,
        )
    fields = record_fields(patient=patient, assessment=assessment, letterhead=letterhead,
                           trail=trail)
    return ExportedDocuments(note=note, plan=plan, handout=handout, soap_pdf=soap_pdf,
                             plan_pdf=plan_pdf,
                             warnings=glyph_warnings(notices, fields))
