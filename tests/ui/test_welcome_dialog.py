"""The welcome dialog: asked on the first start only, its details kept, demo patients loaded
only when chosen, and reopened from the File menu with the saved values."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from clinic_app.app import Services, build_services
from clinic_app.storage.database import Database
from clinic_app.ui import startup
from clinic_app.ui.clinic_details_form import logo_problem
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from clinic_app.ui.welcome_dialog import (
    FIRST_START_TITLE,
    REOPENED_TITLE,
    DemoOffer,
    WelcomeDialog,
)
from tests.ui.ui_helpers import SAMPLE_PATIENTS

Answer = Callable[[WelcomeDialog], None]
MODAL_WAIT_MS = 5000


class OpenedServices:
    """Services over the test's SQLite file, opened the way the app's factory opens them."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._databases: list[Database] = []

    def __call__(self) -> Services:
        database = Database.open(self.url)
        self._databases.append(database)
        return build_services(database)

    def close(self) -> None:
        for database in self._databases:
            database.close()


@pytest.fixture
def open_services(ui_database_url: str) -> Iterator[OpenedServices]:
    opened = OpenedServices(ui_database_url)
    yield opened
    opened.close()


def answer_welcome(answer: Answer) -> list[WelcomeDialog]:
    """Answer the welcome dialog once it is shown (modal, so from the event loop).

    Gives up after a few seconds and rejects whatever modal widget is up, so a test that
    fails never leaves a dialog waiting forever."""
    seen: list[WelcomeDialog] = []
    waited = [0]

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, WelcomeDialog):
            seen.append(modal)
            answer(modal)
            return
        waited[0] += 20
        if waited[0] >= MODAL_WAIT_MS:
            if modal is not None:
                modal.close()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def press_accept(dialog: WelcomeDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    accept = next(
        button for button in buttons.buttons()
        if buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
    )
    accept.click()


def fill_and_start(dialog: WelcomeDialog) -> None:
    dialog.form.name.setText("Harbour Knee Clinic")
    dialog.form.address.setPlainText("2 Dock Road\nPort Town")
    dialog.form.clinician.setText("Alex Morgan")
    dialog.form.registration.setText("PH123456")
    press_accept(dialog)


def start_window(qtbot, services_factory: OpenedServices) -> MainWindow:
    window = startup.create_main_window(services_factory)
    assert window is not None
    qtbot.addWidget(window)
    return window


def test_the_first_start_asks_keeps_the_details_and_loads_the_demo_patients(
    qtbot, open_services: OpenedServices
) -> None:
    states: list[tuple[bool, bool, str, str]] = []

    def check_then_fill(dialog: WelcomeDialog) -> None:
        start = dialog.findChild(QPushButton, "welcomeStartButton")
        states.append((dialog.load_demo.isChecked(), dialog.load_demo.isEnabled(),
                       dialog.load_demo.text(), start.text() if start else ""))
        fill_and_start(dialog)

    seen = answer_welcome(check_then_fill)
    window = start_window(qtbot, open_services)

    assert [dialog.windowTitle() for dialog in seen] == [FIRST_START_TITLE]
    assert states == [
        (True, True, "Load the five demo patients (practice cases)", "&Start")
    ]
    settings = AppSettings()
    assert settings.welcome_done
    assert (settings.clinic_name, settings.clinic_address) == (
        "Harbour Knee Clinic", "2 Dock Road\nPort Town"
    )
    assert (settings.clinician_name, settings.registration_number) == ("Alex Morgan", "PH123456")
    assert window.patients.model.rowCount() == 5
    assert window.services is not None and window.services.patients.count() == 5


def test_the_clinician_named_at_the_first_start_is_who_signs(
    qtbot, open_services: OpenedServices
) -> None:
    def name_the_clinician(dialog: WelcomeDialog) -> None:
        dialog.form.clinician.setText("Sam Okoro")
        dialog.form.registration.setText("PT998877")
        press_accept(dialog)

    answer_welcome(name_the_clinician)
    window = start_window(qtbot, open_services)

    assert window.services is not None
    signer = window.services.users.default_actor()
    assert signer.signature_name == "Sam Okoro (PT998877)"
    assert "Local user" not in signer.signature_name


def test_a_later_start_does_not_ask_again(
    qtbot, monkeypatch: pytest.MonkeyPatch, open_services: OpenedServices
) -> None:
    answer_welcome(fill_and_start)
    start_window(qtbot, open_services).close()

    asked: list[object] = []
    monkeypatch.setattr(WelcomeDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a)))
    again = start_window(qtbot, open_services)
    assert asked == []
    assert again.patients.model.rowCount() == 5  # nothing seeded twice either


def test_demo_patients_are_loaded_only_when_chosen(
    qtbot, open_services: OpenedServices
) -> None:
    def decline_demo(dialog: WelcomeDialog) -> None:
        dialog.load_demo.setChecked(False)
        press_accept(dialog)

    answer_welcome(decline_demo)
    window = start_window(qtbot, open_services)
    assert AppSettings().welcome_done
    assert window.patients.model.rowCount() == 0
    assert window.services is not None and window.services.patients.count() == 0


def test_a_database_with_patients_is_offered_no_demo_patients(
    qtbot, services: Services, open_services: OpenedServices
) -> None:
    services.patients.register(SAMPLE_PATIENTS[0])
    offered: list[tuple[bool, bool]] = []

    def look_then_start(dialog: WelcomeDialog) -> None:
        offered.append((dialog.load_demo.isEnabled(), dialog.load_demo.isChecked()))
        dialog.load_demo.setChecked(True)  # even forced on, nothing is mixed in
        press_accept(dialog)

    answer_welcome(look_then_start)
    window = start_window(qtbot, open_services)
    assert offered == [(False, False)]
    assert window.patients.model.rowCount() == 1


def test_closing_the_first_start_dialog_changes_nothing_and_asks_next_time(
    qtbot, open_services: OpenedServices
) -> None:
    def type_then_close(dialog: WelcomeDialog) -> None:
        dialog.form.name.setText("Not kept")
        dialog.reject()

    answer_welcome(type_then_close)
    window = start_window(qtbot, open_services)
    settings = AppSettings()
    assert not settings.welcome_done
    assert settings.clinic_name == ""
    assert window.patients.model.rowCount() == 0
    assert window.services is not None  # the app still works without the answers


def test_smoke_test_runs_take_the_defaults_without_a_dialog(
    qtbot, monkeypatch: pytest.MonkeyPatch, open_services: OpenedServices
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(WelcomeDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a)))
    window = startup.create_main_window(open_services, unattended=True)
    assert window is not None
    qtbot.addWidget(window)
    assert asked == []
    assert window.patients.model.rowCount() == 5
    assert not AppSettings().welcome_done  # a real first start in this home still asks


def test_reopening_fills_the_form_with_the_saved_values_and_saves_changes(
    qtbot, services: Services
) -> None:
    settings = AppSettings()
    settings.clinic_name = "Harbour Knee Clinic"
    settings.clinic_address = "2 Dock Road\nPort Town"
    settings.clinician_name = "Alex Morgan"
    settings.registration_number = "PH123456"
    settings.welcome_done = True
    services.patients.register(SAMPLE_PATIENTS[0])
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "clinicDetailsAction")
    assert action.text() == "&Welcome and clinic details…"
    assert action in window.menuBar().findChild(object, "fileMenu").actions()
    shown: list[tuple[str, str, str, str, str, bool]] = []

    def read_then_change(dialog: WelcomeDialog) -> None:
        form = dialog.form
        shown.append((dialog.windowTitle(), form.name.text(), form.address.toPlainText(),
                       form.clinician.text(), form.registration.text(),
                       dialog.load_demo.isEnabled()))
        form.registration.setText("PH654321")
        press_accept(dialog)

    answer_welcome(read_then_change)
    action.trigger()
    assert shown == [(REOPENED_TITLE, "Harbour Knee Clinic", "2 Dock Road\nPort Town",
                      "Alex Morgan", "PH123456", False)]
    assert AppSettings().registration_number == "PH654321"
    assert window.statusBar().currentMessage() == "Clinic details saved"
    assert window.patients.model.rowCount() == 1


def test_reopening_on_an_empty_database_can_still_load_the_demo_patients(
    qtbot, services: Services
) -> None:
    window = MainWindow(services, AppSettings())
    qtbot.addWidget(window)
    window.show()
    offered: list[bool] = []

    def choose_demo(dialog: WelcomeDialog) -> None:
        offered.append(dialog.load_demo.isChecked())  # not pre-ticked outside the first start
        dialog.load_demo.setChecked(True)
        press_accept(dialog)

    answer_welcome(choose_demo)
    window.findChild(QAction, "clinicDetailsAction").trigger()
    assert offered == [False]
    assert window.patients.model.rowCount() == 5


def test_an_unusable_logo_keeps_the_dialog_open_with_the_reason(qtbot, tmp_path: Path) -> None:
    from clinic_app.domain.letterhead import Letterhead

    dialog = WelcomeDialog(Letterhead(""), DemoOffer(5, True), first_start=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.logo.setText(str(tmp_path / "logo.gif"))
    press_accept(dialog)
    assert dialog.isVisible()
    assert "not allowed" in dialog.form.error.text()
    assert not dialog.form.error.isHidden()
    assert "not found" in logo_problem(str(tmp_path / "logo.png"))
    dialog.form.logo.clear()
    press_accept(dialog)
    assert not dialog.isVisible()
    assert dialog.choice().load_demo_patients


def test_without_a_database_no_demo_patients_are_offered(qtbot) -> None:
    from clinic_app.domain.letterhead import Letterhead

    dialog = WelcomeDialog(Letterhead(""), None, first_start=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.load_demo.isHidden()
    dialog.load_demo.setChecked(True)
    assert not dialog.choice().load_demo_patients


def test_a_new_assessment_offers_the_welcome_clinician_until_another_is_used(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services
) -> None:
    from clinic_app.ui.new_assessment_dialog import NewAssessmentDialog

    settings = AppSettings()
    settings.clinician_name = "Alex Morgan"
    patient_id = services.patients.register(SAMPLE_PATIENTS[0])
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    offered: list[str] = []
    monkeypatch.setattr(
        NewAssessmentDialog, "ask",
        classmethod(lambda cls, parent, last_clinician="": offered.append(last_clinician)),
    )
    assert window.select_patient(patient_id)
    window.new_assessment()
    settings.last_clinician = "Sam Student"
    window.new_assessment()
    assert offered == ["Alex Morgan", "Sam Student"]
