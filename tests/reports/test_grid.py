"""Tables laid out once per width (``Grid``) give the very PDFs a plain ReportLab Table
gives, for every demo case."""

from __future__ import annotations

import pytest
from reportlab.platypus import Table

from clinic_app.domain.case_file import parse_case
from clinic_app.reports.exports import export_documents
from clinic_app.reports.grid import Grid
from clinic_app.resources import demo_case_paths


def both_documents() -> list[bytes]:
    documents = []
    for path in demo_case_paths():
        case = parse_case(path.read_text(encoding="utf-8"))
        exported = export_documents(case.patient, case.assessment)
        documents += [exported.soap_pdf, exported.plan_pdf]
    return documents


def test_laying_a_table_out_once_per_width_changes_no_byte(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    once = both_documents()
    monkeypatch.setattr(Grid, "wrap", Table.wrap)
    monkeypatch.setattr(Grid, "split", Table.split)
    assert both_documents() == once
