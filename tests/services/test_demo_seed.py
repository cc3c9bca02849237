"""Demo patients are seeded once, into an empty database, with their dates kept (both engines);
the composition root reads the case files and the demo service loads them when asked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clinic_app.app import load_demo_cases
from clinic_app.domain.assessment import Assessment
from clinic_app.domain.case_file import CaseFile, CaseFileError
from clinic_app.domain.patient import Patient
from clinic_app.resources import demo_case_paths
from clinic_app.services.demo import DemoService, seed_demo_patients
from clinic_app.services.patients import PatientService
from clinic_app.storage.database import Database


def test_the_bundled_cases_load_in_numeric_order() -> None:
    cases = load_demo_cases()
    assert [case.title.split(":")[0] for case in cases if case.title] == [
        f"Case {n}" for n in range(1, 6)
    ]


def test_case_files_are_ordered_by_number(tmp_path: Path) -> None:
    for name in ("case10.json", "case2.json", "case1.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    names = [path.name for path in demo_case_paths(tmp_path)]
    assert names == ["case1.json", "case2.json", "case10.json"]


def test_a_broken_demo_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "case1.json").write_text("{", encoding="utf-8")
    with pytest.raises(CaseFileError):
        load_demo_cases(tmp_path)


def test_seeds_every_case_with_its_assessments_into_an_empty_database(
    database: Database,
) -> None:
    cases = load_demo_cases()
    assert seed_demo_patients(database.unit_of_work, cases) == 5
    with database.unit_of_work() as uow:
        stored = uow.patients.search("", 100)
        assert sorted(r.patient.family_name for r in stored) == sorted(
            case.patient.family_name for case in cases
        )
        for case in cases:
            (record,) = [r for r in stored if r.patient == case.patient]
            (summary,) = uow.assessments.for_patient(record.id)
            assert summary.assessment_date == case.assessment.assessment_date
            assert uow.assessments.get(summary.id).assessment == case.assessment


def test_does_nothing_when_patients_exist(database: Database) -> None:
    PatientService(database.unit_of_work).register(
        Patient(family_name="Existing", given_names="Person", date_of_birth=date(1980, 1, 1),
                sex="female")
    )
    assert seed_demo_patients(database.unit_of_work, load_demo_cases()) == 0
    assert PatientService(database.unit_of_work).count() == 1


def test_seeding_twice_adds_the_patients_once(database: Database) -> None:
    cases = load_demo_cases()
    assert seed_demo_patients(database.unit_of_work, cases) == 5
    assert seed_demo_patients(database.unit_of_work, cases) == 0
    assert PatientService(database.unit_of_work).count() == 5


def test_earlier_assessments_are_stored_before_the_current_one(database: Database) -> None:
    case = CaseFile(
        patient=Patient(family_name="Follow", given_names="Up", date_of_birth=date(1990, 5, 5),
                        sex="male"),
        earlier_assessments=[
            Assessment(assessment_date=date(2025, 1, 6)),
            Assessment(assessment_date=date(2025, 2, 3)),
        ],
        assessment=Assessment(assessment_date=date(2025, 3, 3)),
    )
    assert seed_demo_patients(database.unit_of_work, [case]) == 1
    with database.unit_of_work() as uow:
        (record,) = uow.patients.search("", 10)
        summaries = uow.assessments.for_patient(record.id)
        assert sorted(s.assessment_date for s in summaries) == [
            date(2025, 1, 6), date(2025, 2, 3), date(2025, 3, 3)
        ]
        assert sorted(summaries, key=lambda s: s.id)[0].assessment_date == date(2025, 1, 6)


def test_the_demo_service_parses_the_cases_only_when_needed_and_once(database: Database) -> None:
    reads: list[int] = []

    def cases() -> list[CaseFile]:
        reads.append(1)
        return load_demo_cases()

    demo = DemoService(database.unit_of_work, cases)
    assert demo.can_load() and reads == []  # offering needs no parsing
    assert demo.case_count() == 5
    assert demo.load_demo_patients() == 5
    assert reads == [1]
    assert not demo.can_load()
    assert demo.load_demo_patients() == 0
    assert PatientService(database.unit_of_work).count() == 5


def test_the_demo_service_offers_nothing_once_a_patient_exists(database: Database) -> None:
    PatientService(database.unit_of_work).register(
        Patient(family_name="Real", given_names="Patient", date_of_birth=date(1975, 6, 1),
                sex="male")
    )
    demo = DemoService(database.unit_of_work, load_demo_cases)
    assert not demo.can_load()
    assert demo.load_demo_patients() == 0
    assert PatientService(database.unit_of_work).count() == 1


def test_opening_the_app_seeds_nothing_until_the_welcome_asks(tmp_path: Path) -> None:
    from clinic_app.app import open_checked

    services = open_checked(f"sqlite:///{tmp_path}/clinic.sqlite3")
    assert services.patients.count() == 0
    assert services.demo.can_load() and services.demo.case_count() == 5
    assert services.demo.load_demo_patients() == 5
    assert services.patients.count() == 5
