"""The letterhead's clinician and registration number on the SOAP note, read back with pypdf."""

from __future__ import annotations

import pytest

from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.letterhead import Letterhead
from clinic_app.reports.exports import export_documents
from clinic_app.reports.soap_pdf import clinician_rows
from tests.reports.report_pdf_reading import pdf_pages

LETTERHEAD = Letterhead(
    "Harbour Knee Clinic",
    "2 Dock Road\nPort Town",
    clinician_name="Alex Morgan",
    registration_number="PH123456",
)


def soap_pages(case: CaseFile, letterhead: Letterhead, clinician: str) -> list[str]:
    """Each page's text with line breaks as spaces (a table row reads "Label value")."""
    assessment = case.assessment.model_copy(update={"clinician": clinician})
    pdf = export_documents(case.patient, assessment, letterhead=letterhead).soap_pdf
    return [" ".join(page.split()) for page in pdf_pages(pdf)]


def test_the_letterheads_clinician_is_named_with_the_registration_number(case1: CaseFile) -> None:
    pages = soap_pages(case1, LETTERHEAD, "alex  MORGAN")  # as typed on the assessment
    assert "Clinician Alex Morgan, registration no. PH123456" in pages[0]
    for page in pages:  # the page footer names the clinician too
        assert "Clinician: Alex Morgan, registration no. PH123456 - assessment of" in page
    assert "Clinic's clinician" not in "".join(pages)


def test_another_clinicians_assessment_names_the_clinics_clinician_apart(
    case1: CaseFile,
) -> None:
    pages = soap_pages(case1, LETTERHEAD, "Sam Student")
    assert "Clinician Sam Student" in pages[0]
    assert "Clinic's clinician Alex Morgan, registration no. PH123456" in pages[0]
    assert "Sam Student, registration" not in "".join(pages)  # never lent to someone else
    assert "Clinician: Sam Student - assessment of" in pages[-1]


def test_empty_details_print_nothing_rather_than_none(case1: CaseFile) -> None:
    text = " ".join(soap_pages(case1, Letterhead(""), ""))
    assert "None" not in text
    assert "registration no." not in text
    assert "Clinic's clinician" not in text
    assert "Clinician not recorded" in text


@pytest.mark.parametrize(
    ("letterhead", "clinician", "rows"),
    [
        (Letterhead("", registration_number="PH9"), "", [
            ("Clinician", "not recorded"), ("Clinic's clinician", "registration no. PH9"),
        ]),
        (Letterhead("", clinician_name="Alex Morgan"), "Alex Morgan", [
            ("Clinician", "Alex Morgan"),
        ]),
        (Letterhead("", clinician_name="  ", registration_number=" "), "Kim Lee", [
            ("Clinician", "Kim Lee"),
        ]),
    ],
)
def test_clinician_rows_use_only_the_parts_given(
    case1: CaseFile, letterhead: Letterhead, clinician: str, rows: list[tuple[str, str]]
) -> None:
    from clinic_app.reports.exports import prepare

    assessment = case1.assessment.model_copy(update={"clinician": clinician})
    note, _plan = prepare(case1.patient, assessment)
    assert clinician_rows(note, letterhead) == rows
