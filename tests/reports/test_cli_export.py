"""``clinic-app export`` and ``clinic-app demo`` end to end (in-process, real files)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clinic_app.app import build_services, open_database
from clinic_app.cli import main
from clinic_app.domain.case_file import CaseFile
from clinic_app.resources import resource
from tests.reports.report_pdf_reading import pdf_text


def test_export_case_writes_both_pdfs_and_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    soap, plan = tmp_path / "out" / "soap.pdf", tmp_path / "plan.pdf"
    code = main([
        "export", "--case", str(resource("demo", "case1.json")), "--soap", str(soap),
        "--plan", str(plan), "--text", "-", "--clinic-name", "Riverside & Co <Physio>",
    ])
    assert code == 0
    assert "Riverside & Co <Physio>" in pdf_text(soap.read_bytes())
    assert "Clamshell" in pdf_text(plan.read_bytes())
    assert "S - SUBJECTIVE" in capsys.readouterr().out


def test_export_bad_case_names_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"patient": {"family_name": "A", "given_names": "B", "date_of_birth": "2000-01-01",'
        ' "sex": "female"}, "assessment": {"assessment_date": "2025-01-01",'
        ' "gait": {"cadence_spm": 999}}}',
        encoding="utf-8",
    )
    assert main(["export", "--case", str(bad), "--soap", str(tmp_path / "x.pdf")]) == 2
    assert "gait.cadence_spm" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_export_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--case", str(resource("demo", "case1.json"))]) == 2
    assert "--soap" in capsys.readouterr().err


def test_demo_writes_every_case(tmp_path: Path) -> None:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    cases = sorted(resource("demo").glob("case*.json"))
    for case in cases:
        assert (tmp_path / f"{case.stem}-soap.pdf").stat().st_size > 1000
        assert (tmp_path / f"{case.stem}-plan.pdf").stat().st_size > 1000
    plan2 = pdf_text((tmp_path / "case2-plan.pdf").read_bytes())
    assert "Emergency" in plan2 and "Your exercises" not in plan2
    plan1 = pdf_text((tmp_path / "case1-plan.pdf").read_bytes())
    assert "Side-lying leg raise" in plan1 and "cadence" in plan1.lower()
    assert "480-800 km" in " ".join(plan1.split())


def test_export_stored_assessment(tmp_path: Path, case1: CaseFile) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    services = build_services(open_database(url))
    patient_id = services.patients.register(case1.patient)
    earlier = services.assessments.start(patient_id, date(2025, 1, 6), "Dr Earlier")
    record = services.assessments.start(patient_id, case1.assessment.assessment_date, "Dr Now")
    services.assessments.save_draft(
        record.id, case1.assessment.model_copy(update={"clinician": "Dr Now"}), record.version
    )
    soap = tmp_path / "stored.pdf"
    assert main(["--database", url, "export", "--assessment", str(record.id),
                 "--soap", str(soap)]) == 0
    text = pdf_text(soap.read_bytes())
    assert "Hartley, Emma" in text and "Dr Now" in text
    assert earlier.id != record.id
    assert main(["--database", url, "export", "--assessment", "9999", "--soap", str(soap)]) == 2
