"""Lists follow changes made on other workstations: two services over one SQLite file are two
workstations; the watcher's check is called directly instead of waiting for its timer."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date

import pytest

from clinic_app.app import Services, build_services
from clinic_app.storage.database import Database
from clinic_app.ui.change_watcher import POLL_INTERVAL_MS, ChangeWatcher
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.patient_table_model import COL_NAME
from clinic_app.ui.settings import AppSettings
from tests.ui.ui_helpers import StandInEditor, make_patient, type_text


@pytest.fixture
def ward(ui_database_url: str) -> Iterator[Services]:
    """The other workstation: its own engine and connections on the same file."""
    database = Database.open(ui_database_url)
    yield build_services(database)
    database.close()


@pytest.fixture
def desk(qtbot, services: Services, sample_patient_ids: list[int]) -> MainWindow:
    window = MainWindow(services, AppSettings(), editor_factory=StandInEditor)
    qtbot.addWidget(window)
    window.show()
    return window


def shown_names(window: MainWindow) -> list[str]:
    model = window.patients.model
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def test_the_window_polls_every_two_seconds(desk: MainWindow) -> None:
    assert POLL_INTERVAL_MS == 2000
    assert desk.change_watcher.active
    assert not desk.change_watcher.check()  # nothing changed since the window opened


def test_a_patient_registered_elsewhere_appears_and_the_selection_stays(
    qtbot, desk: MainWindow, ward: Services
) -> None:
    selected = desk.patients.model.record_at(2)
    assert desk.select_patient(selected.id)
    ward.patients.register(make_patient("Aalto", "Ilona", date(1990, 4, 4)))
    assert "Aalto, Ilona" not in shown_names(desk)

    assert desk.change_watcher.check()
    assert "Aalto, Ilona" in shown_names(desk)
    assert desk.patient_count_label.text() == "5 patients"
    assert desk.selected_patient() == selected
    assert not desk.change_watcher.check()  # seen once, not again


def test_the_search_text_is_kept_and_new_assessments_are_listed(
    qtbot, desk: MainWindow, ward: Services
) -> None:
    desk.search_edit.setFocus()
    with qtbot.waitSignal(desk.patients.searchFinished, timeout=2000):
        type_text(desk.search_edit, "ok")
    assert shown_names(desk) == ["Okafor, Adaeze"]
    okafor = desk.patients.model.record_at(0)
    desk.select_patient(okafor.id)
    earlier = ward.assessments.start(okafor.id, date(2025, 1, 5), "Ward")
    desk.assessments.refresh()
    desk.assessment_table.selectRow(0)
    ward.patients.register(make_patient("Okonkwo", "Chidi", date(1985, 9, 9)))
    ward.patients.register(make_patient("Berg", "Anna", date(1970, 2, 2)))
    newer = ward.assessments.start(okafor.id, date(2025, 6, 1), "Ward")

    assert desk.change_watcher.check()
    assert desk.search_edit.text() == "ok"
    assert shown_names(desk) == ["Okafor, Adaeze", "Okonkwo, Chidi"]  # Berg is not an "ok"
    assert desk.selected_patient() == okafor
    listed = [desk.assessments.model.summary_at(row).id for row in range(2)]
    assert listed == [newer.id, earlier.id]
    assert desk.selected_assessment_id() == earlier.id  # the selection followed its row


def test_the_selected_patient_stays_listed_when_renamed_out_of_the_search(
    qtbot, desk: MainWindow, ward: Services
) -> None:
    desk.search_edit.setText("ok")
    desk.patients.search_now()
    okafor = desk.patients.model.record_at(0)
    desk.select_patient(okafor.id)
    ward.patients.update(okafor.id, okafor.patient.model_copy(update={"family_name": "Eze"}))

    assert desk.change_watcher.check()
    assert desk.selected_patient().patient.family_name == "Eze"
    assert "Assessments of Eze, Adaeze" in desk.assessments_heading.text()


def test_an_outage_is_reported_once_and_the_lists_refresh_after_it(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    answers: list[str | Exception] = [
        "t1", ConnectionError("lost while reading Zoë Nuñez"), ConnectionError("again"), "t1",
        "t1", "t2",
    ]

    def read_token() -> str:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    watcher = ChangeWatcher(interval_ms=60_000)
    changes: list[None] = []
    failures: list[str] = []
    watcher.changed.connect(lambda: changes.append(None))
    watcher.failed.connect(failures.append)
    caplog.set_level(logging.INFO, logger="clinic_app.ui.change_watcher")

    watcher.watch(read_token)  # "t1": the baseline
    assert (watcher.check(), watcher.check()) == (False, False)  # two failed reads
    assert failures == [
        "Cannot check for changes from other workstations (ConnectionError): "
        "the lists may be out of date"
    ]
    assert watcher.check()  # "t1" again, but changes may have been missed meanwhile
    assert not watcher.check()
    assert watcher.check()  # "t2"
    assert len(changes) == 2
    assert "Zoë" not in caplog.text and "Nuñez" not in caplog.text
    assert caplog.text.count("checking for changes failed: ConnectionError") == 1
    watcher.stop()
    assert not watcher.active


def test_a_change_that_leaves_the_patient_list_as_it_was_does_not_reset_it(
    qtbot, desk: MainWindow, ward: Services
) -> None:
    """A reset would scroll the list back to the selection while the user browses it."""
    desk.select_patient(desk.patients.model.record_at(0).id)
    other = desk.patients.model.record_at(3)
    with qtbot.assertNotEmitted(desk.patients.model.modelReset):
        ward.assessments.start(other.id, date(2025, 3, 3), "Ward")
        assert desk.change_watcher.check()
