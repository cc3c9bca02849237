"""Open tabs follow what another workstation stores: a co-signature, an addendum, and the
merged version that superseded this tab's (read at the change watcher's next check)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clinic_app.app import Services, build_services
from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.fields import with_value
from clinic_app.domain.records.roles import User
from clinic_app.storage.database import Database
from clinic_app.ui.editor.assessment_editor import AssessmentEditor
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.ui.conftest import copy_of
from tests.ui.editor.editor_driving import replace_text
from tests.ui.ui_helpers import make_patient

GOALS = ("history", "goals")
HEIGHT = ("history", "body", "height_cm")


@pytest.fixture
def ui_database_url(tmp_path: Path, accounts_template: Path) -> str:
    return copy_of(accounts_template, tmp_path)


@pytest.fixture
def other_workstation(ui_database_url: str) -> Iterator[Services]:
    """Its own connection to the same database, as a second computer has."""
    database = Database.open(ui_database_url)
    yield build_services(database)
    database.close()


def account(services: Services, username: str) -> User:
    return next(user for user in services.users.list_users() if user.username == username)


def open_in_window(qtbot, services: Services, user: User, assessment_id: int) -> tuple[
    MainWindow, AssessmentEditor
]:
    window = MainWindow(None, AppSettings())
    qtbot.addWidget(window)
    window.show()
    window.session.log_in(user)
    window.attach(services)
    assert window.open_assessment_by_id(assessment_id)
    editor = window.editor_area.editor_for(assessment_id)
    assert editor is not None
    return window, editor


@pytest.fixture
def patient_id(services: Services) -> int:
    return services.patients.register(
        make_patient("Reid", "Jo", date(1990, 1, 5)), actor=account(services, "cleo")
    )


def test_a_co_signature_and_an_addendum_on_another_workstation_appear_in_the_open_tab(
    qtbot, services: Services, other_workstation: Services, patient_id: int
) -> None:
    student = account(services, "stu")
    record = services.assessments.start(patient_id, date(2026, 5, 1), "Stu Student",
                                        actor=student)
    services.signing.submit_for_co_signature(record.id, student)
    window, editor = open_in_window(qtbot, services, student, record.id)
    assert editor.banner.text().startswith("Awaiting co-signature")
    assert editor.session.read_only

    supervisor = account(other_workstation, "sam")
    other_workstation.signing.co_sign(record.id, supervisor)
    assert window.change_watcher.check()

    assert editor.banner.text().startswith("Co-signed by Sam Supervisor")
    assert editor.session.status is AssessmentStatus.SIGNED
    assert editor.session.read_only and editor.addenda_panel.isVisibleTo(editor)
    assert editor.addenda_panel.addenda == ()

    addendum = other_workstation.signing.add_addendum(record.id, "Seen again.", supervisor)
    assert window.change_watcher.check()

    assert editor.addenda_panel.addenda == (addendum,)
    window.close()


def test_the_superseded_side_of_a_merge_shows_the_merged_document(
    qtbot, services: Services, other_workstation: Services, patient_id: int
) -> None:
    clinician = account(services, "cleo")
    record = services.assessments.start(patient_id, date(2026, 5, 1), "Cleo Clinician",
                                        actor=clinician)
    window, editor = open_in_window(qtbot, services, clinician, record.id)
    told: list[str] = []
    editor.session.noticed.connect(told.append)
    replace_text(editor.fields[GOALS], "Run 5 km")
    assert editor.flush()

    # The other workstation edited the version it opened (before the goals) and merged.
    supervisor = account(other_workstation, "sam")
    mine = with_value(record.assessment, HEIGHT, 168.0)
    merged = other_workstation.conflicts.merge(record.id, record.assessment, mine,
                                               actor=supervisor)
    assert merged.record is not None
    assert window.change_watcher.check()

    assert editor.session.version == merged.record.version
    assert editor.session.document == merged.record.assessment
    assert editor.session.document.history.goals == "Run 5 km"
    assert editor.fields[HEIGHT].typed_text().startswith("168")
    assert told == ["Updated with Sam Supervisor (REG-1)'s changes: Height"]
    assert window.statusBar().currentMessage() == told[0]

    replace_text(editor.fields[GOALS], "Run 10 km")  # continues on the merged version
    assert editor.flush()
    stored = services.assessments.load(record.id).assessment
    assert (stored.history.goals, stored.history.body.height_cm) == ("Run 10 km", 168)
    window.close()


def test_unsaved_changes_are_not_replaced_the_next_save_merges(
    qtbot, services: Services, other_workstation: Services, patient_id: int
) -> None:
    clinician = account(services, "cleo")
    record = services.assessments.start(patient_id, date(2026, 5, 1), "Cleo Clinician",
                                        actor=clinician)
    window, editor = open_in_window(qtbot, services, clinician, record.id)
    stored = other_workstation.assessments.load(record.id)
    other_workstation.assessments.save_draft(
        record.id, with_value(stored.assessment, HEIGHT, 168.0), stored.version,
        actor=account(other_workstation, "sam"),
    )
    replace_text(editor.fields[GOALS], "Run 5 km")  # not saved yet
    assert window.change_watcher.check()
    assert editor.session.document.history.goals == "Run 5 km"  # not replaced

    assert editor.flush()
    stored = services.assessments.load(record.id).assessment
    assert (stored.history.goals, stored.history.body.height_cm) == ("Run 5 km", 168)
    assert editor.session.document == stored
    window.close()
