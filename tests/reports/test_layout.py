"""How the demo cases' PDFs use their pages: no half-empty first page, no stray last page,
no heading left at the foot of a page, no exercise card cut in two."""

from __future__ import annotations

from functools import cache

import pytest

from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.rehab.handout import build_handout
from clinic_app.reports.exports import ExportedDocuments, export_documents, load_library
from tests.reports.conftest import load_case
from tests.reports.report_pdf_reading import last_lines, page_fill, pdf_pages, squash

CASES = [1, 2, 3, 4, 5]


@cache
def _exported(number: int) -> tuple[CaseFile, ExportedDocuments]:
    case = load_case(number)
    return case, export_documents(case.patient, case.assessment, case.earlier_assessments)


@pytest.mark.parametrize("number", CASES)
def test_plan_pages_are_well_used(number: int) -> None:
    fill = page_fill(_exported(number)[1].plan_pdf)
    assert fill[0] >= 0.7, fill  # more than the title and the pain guide
    assert all(used >= 0.55 for used in fill[1:-1]), fill
    if len(fill) > 1:
        assert fill[-1] >= 0.2, fill  # never a few stray lines


@pytest.mark.parametrize("number", CASES)
def test_soap_pages_are_full_up_to_the_last(number: int) -> None:
    fill = page_fill(_exported(number)[1].soap_pdf)
    assert all(used >= 0.8 for used in fill[:-1]), fill


@pytest.mark.parametrize("number", CASES)
def test_no_page_ends_with_a_heading(number: int) -> None:
    _, documents = _exported(number)
    note_headings = {f"{section.letter} - {section.title}" for section in documents.note.sections}
    note_headings |= {block.heading for section in documents.note.sections
                      for block in section.blocks if block.heading}
    handout = build_handout(documents.plan, load_library())
    plan_headings = {block.title for block in handout.measures}
    plan_headings |= {section.title for section in handout.advice_sections}
    plan_headings |= {"Your exercises", "Where this advice comes from"}
    for pdf, headings in ((documents.soap_pdf, note_headings), (documents.plan_pdf, plan_headings)):
        for number_on_page, line in enumerate(last_lines(pdf)[:-1], start=1):
            assert line not in headings, f"page {number_on_page} ends with {line!r}"


@pytest.mark.parametrize("number", [1, 4, 5])
def test_every_exercise_card_is_on_one_page(number: int) -> None:
    _, documents = _exported(number)
    pages = [squash(text) for text in pdf_pages(documents.plan_pdf)]
    cards = build_handout(documents.plan, load_library()).cards
    assert cards
    for card in cards:
        name, last_words = squash(card.name), squash(card.regression)
        on = [index for index, text in enumerate(pages) if name in text]
        assert on and last_words in pages[on[0]], card.name


def test_the_first_card_follows_page_one_or_page_one_is_filled_with_advice() -> None:
    _, documents = _exported(1)
    first_page = pdf_pages(documents.plan_pdf)[0]
    handout = build_handout(documents.plan, load_library())
    moved_up = [block.title for block in handout.measures if block.title in first_page]
    assert handout.cards[0].name in first_page or moved_up
    assert page_fill(documents.plan_pdf)[0] >= 0.8


def test_a_very_long_note_to_the_patient_runs_over_pages() -> None:
    case, documents = _exported(1)
    note = " ".join(f"Sentence {index:04d} of the note." for index in range(600))  # ~18000 chars
    plan = documents.plan.model_copy(update={"note_to_patient": note})
    edited = case.assessment.model_copy(update={"rehab_plan": plan})
    pages = pdf_pages(export_documents(case.patient, edited).plan_pdf)
    text = squash("".join(pages))
    assert all(squash(f"Sentence {index:04d}") in text for index in range(600))
    assert len(pages) > len(pdf_pages(documents.plan_pdf))
