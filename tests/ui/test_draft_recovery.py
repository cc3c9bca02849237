"""The clinician's place survives a crash: open drafts reopen after an unexpected stop, and
File > Drafts… lists the user's unsigned drafts to continue one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from clinic_app.app import Services, build_services
from clinic_app.storage.database import Database
from clinic_app.ui.drafts_dialog import DraftEntry, DraftsDialog
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.records.helpers import a_patient
from tests.ui.conftest import copy_of
from tests.ui.ui_helpers import StandInEditor

ON = date(2026, 2, 3)


def open_window(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services, AppSettings(), editor_factory=StandInEditor)
    qtbot.addWidget(window)
    window.show()
    return window


def open_ids(window: MainWindow) -> list[int]:
    return window.editor_area.open_assessment_ids()


@pytest.fixture
def drafts(services: Services, sample_patient_ids: list[int]) -> list[int]:
    """Three drafts of three patients; the last is signed later in some tests."""
    return [
        services.assessments.start(patient_id, ON, "A. Physio").id
        for patient_id in sample_patient_ids[:3]
    ]


def test_the_open_tabs_are_remembered_and_a_clean_close_reopens_nothing(
    qtbot, services: Services, drafts: list[int]
) -> None:
    window = open_window(qtbot, services)
    assert AppSettings().running
    for assessment_id in drafts:
        assert window.open_assessment_by_id(assessment_id)
    assert AppSettings().open_assessment_ids == drafts
    window.editor_area.close_tab(0)
    assert AppSettings().open_assessment_ids == drafts[1:]

    window.close()
    assert not AppSettings().running
    again = open_window(qtbot, services)
    assert open_ids(again) == []
    assert "Recovered" not in again.statusBar().currentMessage()


def test_after_an_unexpected_stop_the_open_drafts_reopen(
    qtbot, services: Services, drafts: list[int]
) -> None:
    crashed = open_window(qtbot, services)
    for assessment_id in drafts:
        crashed.open_assessment_by_id(assessment_id)
    services.signing.sign(drafts[2], None)  # signed since: nothing left to continue
    # The process died: closeEvent never ran, so the running flag is still set, and its
    # lock file went stale with it (here: released without the normal end of the run).
    assert AppSettings().running
    crashed.recovery._lock.unlock()

    restarted = open_window(qtbot, services)
    assert open_ids(restarted) == drafts[:2]
    assert restarted.statusBar().currentMessage() == (
        "Recovered 2 assessments that were open when Clinic App stopped unexpectedly"
    )
    assert restarted.editor_area.current_editor().assessment_record.id == drafts[1]
    assert restarted.selected_patient().id == services.assessments.load(drafts[1]).patient_id
    assert AppSettings().open_assessment_ids == drafts[:2]  # remembered again for this run


def test_one_recovered_assessment_is_named_in_the_singular(
    qtbot, services: Services, drafts: list[int]
) -> None:
    settings = AppSettings()
    settings.running = True  # left set by a run that stopped unexpectedly
    settings.open_assessment_ids = [drafts[0], 99_999]  # one since deleted
    restarted = open_window(qtbot, services)
    assert open_ids(restarted) == [drafts[0]]
    assert restarted.statusBar().currentMessage() == (
        "Recovered 1 assessment that was open when Clinic App stopped unexpectedly"
    )


class DraftsAnswer:
    """Answers ``DraftsDialog.ask`` in the real dialog: picks the row with ``patient_name``."""

    def __init__(self, qtbot, monkeypatch: pytest.MonkeyPatch, patient_name: str | None) -> None:
        self.shown: list[list[str]] = []
        self._qtbot = qtbot
        self._name = patient_name
        monkeypatch.setattr(DraftsDialog, "ask", classmethod(self._ask))

    def _ask(self, cls, parent, entries: list[DraftEntry]) -> int | None:
        dialog = cls(parent, entries)
        self._qtbot.addWidget(dialog)
        dialog.show()
        table = dialog.table
        self.shown.append([table.item(row, 0).text() for row in range(table.rowCount())])
        if self._name is None:
            dialog.reject()
            return None
        row = self.shown[-1].index(self._name)
        table.selectRow(row)
        self._qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter on a row opens it
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.chosen_id


def test_drafts_lists_the_unsigned_drafts_and_opens_the_chosen_one(
    qtbot, monkeypatch, services: Services, drafts: list[int]
) -> None:
    services.signing.sign(drafts[0], None)
    window = open_window(qtbot, services)
    answer = DraftsAnswer(qtbot, monkeypatch, "Okafor, Adaeze")
    window.action_registry.drafts.trigger()
    assert sorted(answer.shown[0]) == ["Okafor, Adaeze", "Петров, Иван"]
    editor = window.editor_area.current_editor()
    assert editor.assessment_record.id == drafts[2]
    assert window.selected_patient().patient.family_name == "Okafor"


def test_without_drafts_the_status_bar_says_so(qtbot, monkeypatch, services, sample_patient_ids):
    window = open_window(qtbot, services)
    answer = DraftsAnswer(qtbot, monkeypatch, None)
    window.action_registry.drafts.trigger()
    assert answer.shown == []
    assert window.statusBar().currentMessage() == "You have no unsigned drafts"


@pytest.fixture
def shared_services(tmp_path: Path, accounts_template: Path) -> Iterator[Services]:
    """A database several people share (the accounts of ``accounts_template``)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    database = Database.open(copy_of(accounts_template, folder))
    yield build_services(database)
    database.close()


def test_several_users_see_only_their_own_drafts(qtbot, shared_services: Services) -> None:
    services = shared_services
    users = {user.username: user for user in services.users.list_users()}
    patient_id = services.patients.register(a_patient(), actor=users["cleo"])
    mine = services.assessments.start(patient_id, ON, "Cleo", actor=users["cleo"])
    services.assessments.start(patient_id, ON, "Sam", actor=users["sam"])
    window = MainWindow(None, AppSettings(), editor_factory=StandInEditor)
    qtbot.addWidget(window)
    window.session.log_in(users["cleo"])
    window.attach(services)
    entries = window.assessments.drafts()
    assert [entry.assessment_id for entry in entries] == [mine.id]
    assert entries[0].patient_name == "Nuñez, Zoë"
