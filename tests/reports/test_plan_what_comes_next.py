"""Issue 13, plan progression: the patient's plan names the current phase and what comes
next (the next phase and its entry criteria), read back from the PDF; none without a
loading programme."""

from __future__ import annotations

from clinic_app.domain.episode.phases import what_comes_next
from clinic_app.domain.rehab.handout import build_handout
from clinic_app.domain.rehab.plan import Phase
from clinic_app.reports.exports import export_documents, load_library
from tests.reports.conftest import load_case
from tests.reports.report_pdf_reading import pdf_pages, squash


def test_the_plan_pdf_says_the_phase_and_what_comes_next() -> None:
    case = load_case(1)
    documents = export_documents(case.patient, case.assessment, case.earlier_assessments)
    first = squash(pdf_pages(documents.plan_pdf)[0])
    assert squash("Stage: Phase 1: settle and learn (weeks 0-2)") in first
    assert squash(
        "Next: Phase 2: build strength (weeks 2-8), when: usual pain (NPRS) at most 3/10; "
        "worst pain last week (NPRS) at most 5/10; no effusion of 1+ or more.") in first
    assert len(pdf_pages(documents.plan_pdf)) <= 4


def test_the_last_phase_says_there_is_no_further_phase() -> None:
    assert what_comes_next(Phase.MAINTENANCE).startswith("Keep up the strength work")
    assert what_comes_next(Phase.BUILD, runner=True).count("Return-to-running ladder") == 1


def test_a_referral_first_plan_names_no_next_phase() -> None:
    case = load_case(1)
    plan = export_documents(case.patient, case.assessment).plan
    referral = plan.model_copy(update={"loading_programme_allowed": False})
    assert build_handout(plan, load_library()).next_step.startswith("Next: Phase 2")
    assert build_handout(referral, load_library()).next_step == ""
