"""Editor tests run offscreen on a real SQLite file through the real services."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clinic_app.app import Services, build_services, open_database
from clinic_app.domain.patient import Patient, Sex
from clinic_app.services.ports import AssessmentRecord, PatientRecord
from clinic_app.ui.editor.assessment_editor import AssessmentEditor
from tests.ui.conftest import CLINICIAN

ASSESSMENT_DAY = date(2024, 6, 3)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'clinic.sqlite3'}"


@pytest.fixture
def services(database_url: str) -> Services:
    built = build_services(open_database(database_url))
    built.users.name_local_clinician(*CLINICIAN)  # as the welcome dialog does
    return built


@pytest.fixture
def patient_record(services: Services) -> PatientRecord:
    patient = Patient(
        family_name="Ñúñez-Øster", given_names="Zoë", date_of_birth=date(1996, 2, 29),
        sex=Sex.FEMALE,
    )
    return services.patients.get(services.patients.register(patient))


@pytest.fixture
def assessment_record(services: Services, patient_record: PatientRecord) -> AssessmentRecord:
    return services.assessments.start(patient_record.id, ASSESSMENT_DAY, clinician="")


EditorFactory = Callable[..., AssessmentEditor]


@pytest.fixture
def make_editor(qtbot, services, patient_record, assessment_record) -> EditorFactory:
    def make(
        using: Services | None = None, record: AssessmentRecord | None = None
    ) -> AssessmentEditor:
        chosen = using or services
        loaded = record or chosen.assessments.load(assessment_record.id)
        editor = AssessmentEditor(chosen, patient_record, loaded, guided=False)
        qtbot.addWidget(editor)
        editor.resize(1280, 860)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return make


@pytest.fixture
def editor(make_editor: EditorFactory) -> AssessmentEditor:
    return make_editor()
