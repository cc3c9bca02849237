"""The logged-in user acts in every service call the window makes: the audit trail names
them for registrations, edits, new assessments and exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QGuiApplication

from clinic_app.app import Services
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import Role, User
from clinic_app.ui.export_presenter import ExportFileDialog
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.new_assessment_dialog import NewAssessmentChoice, NewAssessmentDialog
from clinic_app.ui.patient_dialog import PatientDialog
from clinic_app.ui.settings import AppSettings
from tests.ui import demo_case_editing
from tests.ui.conftest import copy_of
from tests.ui.demo_case_editing import DemoClinic
from tests.ui.ui_helpers import StandInEditor, make_patient

clinic = demo_case_editing.clinic  # the demo patients, seeded into the accounts database


@pytest.fixture
def ui_database_url(tmp_path: Path, accounts_template: Path) -> str:
    return copy_of(accounts_template, tmp_path)


def account(services: Services, username: str) -> User:
    return next(user for user in services.users.list_users() if user.username == username)


def window_for(qtbot, services: Services, user: User, **options) -> MainWindow:
    window = MainWindow(None, AppSettings(), **options)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    window.session.log_in(user)  # what startup.log_in does after the login dialog
    window.attach(services)
    return window


def audit_trail(services: Services, entity: EntityType, entity_id: int) -> list[tuple[str, str]]:
    return [(e.username, e.action) for e in services.audit.entries_for(entity, entity_id)]


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def test_the_status_bar_names_the_logged_in_user(qtbot, clinic: DemoClinic) -> None:
    window = window_for(qtbot, clinic.services, account(clinic.services, "cleo"))
    assert window.user_label.text() == "Cleo Clinician \u00b7 clinician"


def test_registration_edit_and_new_assessment_are_audited_as_the_user(
    qtbot, monkeypatch, clinic: DemoClinic
) -> None:
    services = clinic.services
    window = window_for(qtbot, services, account(services, "stu"), editor_factory=StandInEditor)
    new = make_patient("Aalto", "Ilona", date(1990, 4, 4))
    monkeypatch.setattr(PatientDialog, "ask", classmethod(lambda cls, parent, patient=None: new))
    trigger(window, "newPatientAction")
    patient_id = window.selected_patient().id
    renamed = new.model_copy(update={"identifier": "MRN-77"})
    monkeypatch.setattr(
        PatientDialog, "ask", classmethod(lambda cls, parent, patient=None: renamed)
    )
    trigger(window, "editPatientAction")
    assert audit_trail(services, EntityType.PATIENT, patient_id) == [
        ("stu", AuditAction.CREATED), ("stu", AuditAction.CHANGED),
    ]

    choice = NewAssessmentChoice(date(2026, 5, 1), "Stu Student")
    monkeypatch.setattr(NewAssessmentDialog, "ask", classmethod(lambda cls, p, c="": choice))
    trigger(window, "newAssessmentAction")
    editor = window.editor_area.current_editor()
    assert isinstance(editor, StandInEditor)
    assert editor.session.actor == account(services, "stu")  # its autosaves act as the student too
    assert audit_trail(services, EntityType.ASSESSMENT, editor.assessment_record.id) == [
        ("stu", AuditAction.CREATED),
    ]


def test_new_assessment_suggests_the_logged_in_user_as_clinician(
    qtbot, monkeypatch, clinic: DemoClinic
) -> None:
    settings = AppSettings()
    settings.last_clinician = "Someone Before"  # remembered from another user's session
    settings.clinician_name = "Welcome Name"
    window = window_for(qtbot, clinic.services, account(clinic.services, "cleo"),
                        editor_factory=StandInEditor)
    window.select_patient(clinic.patient(1).id)
    offered: list[str] = []

    def answer(cls, parent, clinician=""):
        offered.append(clinician)
        return NewAssessmentChoice(date(2026, 5, 1), clinician)

    monkeypatch.setattr(NewAssessmentDialog, "ask", classmethod(answer))
    trigger(window, "newAssessmentAction")
    assert offered == ["Cleo Clinician"]
    editor = window.editor_area.current_editor()
    assert editor.assessment_record.assessment.clinician == "Cleo Clinician"

    window.session.log_out()  # an installation without a login: last time's name again
    assert window.suggested_clinician() == "Cleo Clinician"  # it was the last one chosen
    settings.last_clinician = ""
    assert window.suggested_clinician() == "Welcome Name"


def test_a_refusal_by_role_is_explained(qtbot, monkeypatch, clinic: DemoClinic) -> None:
    admin = account(clinic.services, "admin")
    assert admin.role is Role.ADMINISTRATOR  # manages accounts, not patients' records
    window = window_for(qtbot, clinic.services, admin, editor_factory=StandInEditor)
    new = make_patient("Aalto", "Ilona", date(1990, 4, 4))
    monkeypatch.setattr(PatientDialog, "ask", classmethod(lambda cls, parent, patient=None: new))
    before = clinic.services.patients.count()
    action = window.findChild(QAction, "newPatientAction")
    assert not action.isEnabled()  # refused before the dialog, with the reason
    assert action.toolTip().endswith("administrators do not write clinical records")
    action.trigger()  # a disabled action does nothing, shortcut included
    assert clinic.services.patients.count() == before


@pytest.fixture
def exporting_window(qtbot, clinic: DemoClinic) -> MainWindow:
    window = window_for(qtbot, clinic.services, account(clinic.services, "cleo"))
    assert window.select_patient(clinic.patient(1).id)
    window.open_selected_assessment()
    qtbot.waitUntil(lambda: window.editor_area.current_editor() is not None)
    return window


def test_exports_are_audited_as_the_user(
    monkeypatch, tmp_path: Path, clinic: DemoClinic, exporting_window: MainWindow
) -> None:
    note = tmp_path / "note.pdf"
    monkeypatch.setattr(ExportFileDialog, "ask", classmethod(lambda cls, p, t, s: note))
    assessment_id = exporting_window.editor_area.current_session().assessment_id

    trigger(exporting_window, "exportSoapPdfAction")
    assert note.is_file()
    trigger(exporting_window, "copySoapTextAction")
    assert "Hartley" in QGuiApplication.clipboard().text()
    exported = [
        entry for entry in audit_trail(clinic.services, EntityType.ASSESSMENT, assessment_id)
        if entry[1] == AuditAction.EXPORTED
    ]
    assert exported == [("cleo", AuditAction.EXPORTED)] * 2
    assert clinic.services.audit.verify().intact


def test_an_export_that_cannot_be_audited_is_withdrawn(
    monkeypatch, tmp_path: Path, clinic: DemoClinic, exporting_window: MainWindow
) -> None:
    note = tmp_path / "note.pdf"
    monkeypatch.setattr(ExportFileDialog, "ask", classmethod(lambda cls, p, t, s: note))
    # An account that is not in this database (e.g. removed since the login): refused.
    stranger = User(username="gone", display_name="Gone Away", role=Role.CLINICIAN)
    exporting_window.session.log_in(stranger)
    QGuiApplication.clipboard().setText("before")

    trigger(exporting_window, "exportSoapPdfAction")
    assert not note.exists()
    message = exporting_window.statusBar().currentMessage()
    assert message.startswith("Exporting the SOAP note was cancelled: it could not be recorded")
    trigger(exporting_window, "copySoapTextAction")
    assert QGuiApplication.clipboard().text() == "before"


def test_actions_a_role_may_not_take_are_disabled_with_the_reason(
    qtbot, clinic: DemoClinic
) -> None:
    admin = account(clinic.services, "admin")
    window = window_for(qtbot, clinic.services, admin)
    assert window.select_patient(clinic.patient(1).id)
    registry = window.action_registry
    for name in ("newPatientAction", "newAssessmentAction", "newFollowUpAction",
                 "editPatientAction"):
        action = registry[name]
        assert not action.isEnabled(), name
        assert action.toolTip() == (
            "Not available to you: administrators do not write clinical records"
        ), name

    window.session.log_in(account(clinic.services, "cleo"))
    assert registry["newPatientAction"].isEnabled()
    assert registry["newAssessmentAction"].isEnabled()
    assert not registry["newAssessmentAction"].toolTip().startswith("Not available")
    assert not registry["newFollowUpAction"].toolTip().startswith("Not available to you")
