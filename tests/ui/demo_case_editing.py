"""Fixtures for GUI integration tests on the demo cases: a real SQLite file seeded with the
demo patients, editors opened on their stored assessments, and "restarts" that reopen it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from clinic_app.app import Services, build_services, load_demo_cases
from clinic_app.services.demo import seed_demo_patients
from clinic_app.services.ports import AssessmentRecord, PatientRecord
from clinic_app.storage.database import Database
from clinic_app.ui.editor.assessment_editor import AssessmentEditor

CASE_PATIENTS = {1: ("Hartley", "Emma"), 2: ("Okafor", "Daniel")}


class DemoClinic:
    """The seeded database; ``restart`` opens it again as a freshly started app would."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._databases: list[Database] = []
        database = self._open()
        seed_demo_patients(database.unit_of_work, load_demo_cases())
        self.services = build_services(database)

    def _open(self) -> Database:
        database = Database.open(self.url)
        self._databases.append(database)
        return database

    def restart(self) -> Services:
        self.services = build_services(self._open())
        return self.services

    def patient(self, case: int) -> PatientRecord:
        family, given = CASE_PATIENTS[case]
        return next(
            record for record in self.services.patients.search(family)
            if record.patient.given_names == given
        )

    def latest_assessment(self, case: int) -> AssessmentRecord:
        summaries = self.services.assessments.for_patient(self.patient(case).id)
        return self.services.assessments.load(summaries[-1].id)

    def close(self) -> None:
        for database in self._databases:
            database.close()


@pytest.fixture
def clinic(ui_database_url: str) -> Iterator[DemoClinic]:
    seeded = DemoClinic(ui_database_url)
    yield seeded
    seeded.close()


OpenEditor = Callable[[int], AssessmentEditor]


@pytest.fixture
def open_editor(qtbot, clinic: DemoClinic) -> OpenEditor:
    def open_case(case: int) -> AssessmentEditor:
        editor = AssessmentEditor(
            clinic.services, clinic.patient(case), clinic.latest_assessment(case)
        )
        qtbot.addWidget(editor)
        editor.resize(1400, 900)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return open_case
