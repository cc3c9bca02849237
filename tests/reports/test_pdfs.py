"""The PDFs, read back with pypdf: content, page furniture, hostile text, determinism."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.letterhead import Letterhead
from clinic_app.domain.patient import Patient, Sex
from clinic_app.domain.records.signature import RecordTrail, Signature
from clinic_app.domain.soap.free_text import SoapFreeText
from clinic_app.reports.exports import export_documents
from tests.reports.report_pdf_reading import pdf_pages, pdf_text, squash

LETTERHEAD = Letterhead("Riverside Physiotherapy", "12 Mill Lane\nKingston")


def test_soap_pdf_has_letterhead_patient_and_page_numbers_on_every_page(case1: CaseFile) -> None:
    documents = export_documents(case1.patient, case1.assessment, letterhead=LETTERHEAD)
    for data in (documents.soap_pdf, documents.plan_pdf):
        pages = pdf_pages(data)
        assert len(pages) >= 2
        for number, page in enumerate(pages, start=1):
            assert f"Page {number} of {len(pages)}" in page
            assert "Riverside Physiotherapy" in page
            assert "Hartley, Emma" in page
            assert "DRAFT" in page
    soap = pdf_text(documents.soap_pdf)
    for heading in ("S - Subjective", "O - Objective", "A - Assessment", "P - Plan"):
        assert heading in soap
    assert "rule set" in soap.lower() and "Sources" in soap


def test_signed_note_has_no_draft_mark(case1: CaseFile) -> None:
    signed = case1.assessment.model_copy(update={"status": AssessmentStatus.SIGNED})
    signature = Signature("amy", "Amy Example", datetime(2026, 11, 2, 9, 30, tzinfo=UTC), "ab" * 32)
    documents = export_documents(case1.patient, signed, trail=RecordTrail(signature))
    assert "DRAFT" not in pdf_text(documents.soap_pdf)
    assert "DRAFT" not in pdf_text(documents.plan_pdf)


def test_a_status_typed_into_a_file_does_not_make_a_signed_note(case1: CaseFile) -> None:
    claimed = case1.assessment.model_copy(update={"status": AssessmentStatus.SIGNED})
    documents = export_documents(case1.patient, claimed)
    assert "DRAFT" in pdf_text(documents.soap_pdf)
    assert "DRAFT" in pdf_text(documents.plan_pdf)


def test_case1_plan_pdf_has_hip_exercises_cadence_and_shoes(case1: CaseFile) -> None:
    text = pdf_text(export_documents(case1.patient, case1.assessment).plan_pdf)
    assert "Side-lying leg raise" in text and "Clamshell" in text
    assert "cadence" in text.lower()
    assert "300-500 miles (480-800 km)" in squash(text) or "480-800" in text
    assert "if advised by your doctor or pharmacist" in " ".join(text.split())
    assert "Seek care today if" in text


def test_case2_documents_show_emergency_referral_and_no_programme(case2: CaseFile) -> None:
    documents = export_documents(case2.patient, case2.assessment)
    plan = pdf_text(documents.plan_pdf)
    soap = pdf_text(documents.soap_pdf)
    assert "Emergency" in plan and "Emergency" in soap
    assert "Your exercises" not in plan
    assert "Please get this checked first" in plan
    assert "No loading programme" in soap


HOSTILE = {
    "tag": "<b>",
    "unknown": "Dx: <unknown>",
    "ampersand": "S&P",
    "entity": "&amp;",
    "accents": "Zoë Ñúñez-Øster, genou épanché",
    "greek": "Ελληνικά γόνατο",
    "cyrillic": "Колено болит",
}


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_hostile_text_comes_back_intact(case1: CaseFile, key: str) -> None:
    text = HOSTILE[key]
    free = SoapFreeText(subjective=text, objective=f"x {text} y", assessment=text, plan=text)
    assessment = case1.assessment.model_copy(
        update={"soap_text": free, "clinician": text, "referral": text}
    )
    patient = case1.patient.model_copy(update={"given_names": text})
    documents = export_documents(patient, assessment, letterhead=Letterhead(text, text))
    soap = pdf_text(documents.soap_pdf)
    assert squash(text) in squash(soap)
    assert soap.count(text) >= 4 or squash(soap).count(squash(text)) >= 4
    assert squash(text) in squash(pdf_text(documents.plan_pdf))
    assert squash(text) in squash(documents.soap_text)


def test_long_notes_and_emoji_never_crash(case1: CaseFile) -> None:
    long_note = ("Patellofemoral loading discussed at length. " * 120)[:5000]
    unbroken = "x" * 5000
    free = SoapFreeText(subjective=long_note, objective=unbroken, plan="Run 🏃 slowly 😀 ✓")
    plan_note = "Bitte langsam 🏃 – <i>not italic</i>\nnew line & more"
    assessment = case1.assessment.model_copy(update={"soap_text": free})
    documents = export_documents(case1.patient, assessment)
    soap = squash(pdf_text(documents.soap_pdf))
    phrase = squash("Patellofemoral loading discussed at length.")
    assert soap.count(phrase) == squash(long_note).count(phrase)  # spans pages, all there
    # the unbroken word is split across lines and pages, but every character is there
    assert sum(len(run) for run in re.findall("x{20,}", soap)) == len(unbroken)
    from clinic_app.domain.rehab.builder import build_rehab_plan
    from clinic_app.reports.exports import load_library

    plan = build_rehab_plan(assessment, None, load_library()).model_copy(
        update={"note_to_patient": plan_note}
    )
    edited = assessment.model_copy(update={"rehab_plan": plan})
    text = pdf_text(export_documents(case1.patient, edited).plan_pdf)
    assert "<i>not italic</i>" in text and "new line & more" in text


def test_builds_are_deterministic(case1: CaseFile) -> None:
    first = export_documents(case1.patient, case1.assessment, letterhead=LETTERHEAD)
    second = export_documents(case1.patient, case1.assessment, letterhead=LETTERHEAD)
    assert first.soap_pdf == second.soap_pdf
    assert first.plan_pdf == second.plan_pdf


def test_fonts_are_embedded_dejavu(case1: CaseFile) -> None:
    import io

    reader = PdfReader(io.BytesIO(export_documents(case1.patient, case1.assessment).soap_pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("DejaVu" in name for name in fonts)


def test_minimal_assessment_exports(case1: CaseFile) -> None:
    from clinic_app.domain.assessment import Assessment

    patient = Patient(family_name="Nobody", given_names="A", date_of_birth=date(1990, 1, 1),
                      sex=Sex.OTHER)
    documents = export_documents(patient, Assessment(assessment_date=date(2025, 1, 1)))
    assert "Nothing recorded in this section" in pdf_text(documents.soap_pdf)




def test_the_plan_names_a_clinician_only_when_one_is_known(case1: CaseFile) -> None:
    unnamed = case1.assessment.model_copy(update={"clinician": ""})
    plan = export_documents(case1.patient, unnamed).plan_pdf
    assert "Your clinician:" not in pdf_text(plan)
    clinic = Letterhead(clinic_name="Riverside", clinician_name="Alex Morgan")
    plan = export_documents(case1.patient, unnamed, letterhead=clinic).plan_pdf
    assert "Yourclinician:AlexMorgan" in squash(pdf_text(plan))


def test_reportlab_runs_with_its_c_accelerator() -> None:
    """Installed with ``reportlab[accel]``: PDF export is a sixth quicker with it."""
    from reportlab.lib import rl_accel

    assert "fp_str" in rl_accel._c_funcs and "escapePDF" in rl_accel._c_funcs
