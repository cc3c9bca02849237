"""Logging in: asked only when several accounts share the database, refused without saying
which half was wrong, the user named in the status bar, Quit ends the app, Switch user."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog

from clinic_app.app import Services, build_services
from clinic_app.domain.records.roles import Role, User
from clinic_app.storage.database import Database
from clinic_app.ui import startup
from clinic_app.ui.login_dialog import REFUSED_MESSAGE, LoginDialog
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.records.helpers import ON, PASSWORD
from tests.ui.conftest import copy_of
from tests.ui.ui_helpers import SAMPLE_PATIENTS, StandInEditor, type_text


@pytest.fixture(autouse=True)
def not_a_first_start() -> None:
    AppSettings().welcome_done = True  # the welcome dialog has its own tests


@pytest.fixture
def ui_database_url(tmp_path: Path, accounts_template: Path) -> str:
    return copy_of(accounts_template, tmp_path)


@pytest.fixture
def users(services: Services) -> dict[str, User]:
    return {user.username: user for user in services.users.list_users()}


@pytest.fixture
def single_user_services(tmp_path: Path, migrated_template: Path) -> Iterator[Services]:
    folder = tmp_path / "single"
    folder.mkdir()
    database = Database.open(copy_of(migrated_template, folder))
    yield build_services(database)
    database.close()


def login_dialog(qtbot, services: Services) -> LoginDialog:
    dialog = LoginDialog(None, services.users)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def log_in_by_keyboard(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    """Type as a user would: the name, Tab, the password, Enter."""
    assert QApplication.focusWidget() is dialog.username_edit
    dialog.username_edit.clear()
    type_text(dialog.username_edit, username)
    qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.password_edit
    type_text(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


Attempts = list[tuple[str, str]]  # (username, password) tried in turn in one dialog


class LoginAnswers:
    """Answers ``LoginDialog.ask`` in the real dialog: each call tries its attempts in turn
    and clicks Quit if none was accepted."""

    def __init__(self, qtbot, monkeypatch: pytest.MonkeyPatch, answers: list[Attempts]) -> None:
        self.answers = list(answers)
        self.asked = 0
        self.refusals: list[str] = []
        self._qtbot = qtbot
        monkeypatch.setattr(LoginDialog, "ask", classmethod(self._ask))

    def _ask(self, cls, parent, users) -> User | None:
        self.asked += 1
        dialog = cls(parent, users)
        self._qtbot.addWidget(dialog)
        dialog.show()
        for username, password in self.answers.pop(0):
            dialog.username_edit.setText(username)
            dialog.password_edit.setText(password)
            dialog.log_in_button.click()
            if dialog.result() == QDialog.DialogCode.Accepted:
                return dialog.user
            self.refusals.append(dialog.message_label.text())
        dialog.quit_button.click()
        return None


def started_window(qtbot, services: Services) -> MainWindow | None:
    window = startup.create_main_window(lambda: services)
    if window is not None:
        qtbot.addWidget(window)
    return window


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(qtbot, services, users):
    dialog = login_dialog(qtbot, services)
    log_in_by_keyboard(qtbot, dialog, "cleo", "not the password")
    assert dialog.isVisible() and dialog.user is None
    assert dialog.message_label.isVisible()
    assert dialog.message_label.text() == REFUSED_MESSAGE
    assert dialog.password_edit.text() == ""  # cleared for the next try
    assert QApplication.focusWidget() is dialog.password_edit

    unknown = login_dialog(qtbot, services)
    log_in_by_keyboard(qtbot, unknown, "nobody", PASSWORD)
    assert unknown.message_label.text() == dialog.message_label.text()  # no hint at the name

    type_text(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter submits
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user == users["cleo"]


def test_repeated_wrong_passwords_make_the_account_wait(qtbot, services):
    dialog = login_dialog(qtbot, services)
    for _ in range(4):  # three typos cost nothing; the fourth makes cleo wait 1 s
        log_in_by_keyboard(qtbot, dialog, "cleo", "not the password")
        assert dialog.message_label.text() == REFUSED_MESSAGE
        dialog.username_edit.setFocus()
    log_in_by_keyboard(qtbot, dialog, "cleo", PASSWORD)  # right, but during the delay
    assert dialog.user is None and dialog.isVisible()
    assert dialog.message_label.text() == "too many failed attempts for cleo: try again in 1 s"


def test_an_empty_field_asks_for_both(qtbot, services):
    dialog = login_dialog(qtbot, services)
    qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Enter your username and password."


def test_single_user_installations_are_not_asked(qtbot, monkeypatch, single_user_services):
    services = single_user_services
    answers = LoginAnswers(qtbot, monkeypatch, [])
    window = started_window(qtbot, services)  # no account at all
    assert window is not None and window.services is services
    services.users.add_user(None, "solo", "Dr Solo", Role.ADMINISTRATOR, PASSWORD)
    second = started_window(qtbot, services)  # exactly one account
    assert second is not None and second.services is services
    assert answers.asked == 0
    assert second.session.user is None
    assert second.user_label.text() == ""
    assert not second.action_registry.switch_user.isVisible()


def test_several_accounts_log_in_before_the_window_is_filled(
    qtbot, monkeypatch, services, users
):
    answers = LoginAnswers(qtbot, monkeypatch, [[("sam", "wrong password"), ("sam", PASSWORD)]])
    window = started_window(qtbot, services)
    assert answers.asked == 1
    assert answers.refusals == [REFUSED_MESSAGE]
    assert window is not None and window.services is services
    assert window.session.user == users["sam"]
    assert window.user_label.text() == "Sam Supervisor \u00b7 supervisor"
    assert window.action_registry.switch_user.isVisible()


def test_start_up_asks_once_whether_a_login_is_needed(qtbot, monkeypatch, services):
    LoginAnswers(qtbot, monkeypatch, [[("sam", PASSWORD)]])
    asked: list[bool] = []
    real = services.users.login_required
    monkeypatch.setattr(services.users, "login_required", lambda: asked.append(real()) or asked[-1])
    window = started_window(qtbot, services)
    assert window is not None and window.action_registry.switch_user.isVisible()
    assert asked == [True]  # the login and the Switch user action share one query


def test_quit_at_the_login_closes_the_window_without_attaching(qtbot, monkeypatch, services):
    LoginAnswers(qtbot, monkeypatch, [[]])
    window = started_window(qtbot, services)
    assert window is not None
    assert window.services is None
    assert not window.isVisible()
    assert window.patients.model.rowCount() == 0  # no patient data was shown


def switch_user_action(window: MainWindow) -> QAction:
    found = window.findChild(QAction, "switchUserAction")
    assert found is not None
    return found


@pytest.fixture
def logged_in_window(
    qtbot, monkeypatch, services: Services, users: dict[str, User]
) -> Callable[[list[Attempts]], MainWindow]:
    for patient in SAMPLE_PATIENTS:
        services.patients.register(patient, actor=users["cleo"])

    def open_as(answers: list[Attempts]) -> MainWindow:
        LoginAnswers(qtbot, monkeypatch, answers)
        window = MainWindow(None, AppSettings(), editor_factory=StandInEditor)
        qtbot.addWidget(window)
        window.show()
        assert startup.open_services(window, lambda: services) is services
        return window

    return open_as


def test_switch_user_saves_and_closes_editors_then_asks_again(logged_in_window, services):
    window = logged_in_window([[("cleo", PASSWORD)], [("sam", PASSWORD)]])
    patient_id = window.patients.model.record_at(0).id
    draft = services.assessments.start(patient_id, ON, "Cleo", actor=window.session.user)
    assert window.open_assessment_by_id(draft.id)
    editor = window.editor_area.current_editor()
    assert isinstance(editor, StandInEditor) and editor.session.actor.username == "cleo"

    menu_actions = window.menuBar().findChild(object, "fileMenu").actions()
    assert switch_user_action(window) in menu_actions
    switch_user_action(window).trigger()
    assert editor.flush_count == 1
    assert window.editor_area.tabs.count() == 0
    assert window.session.user.username == "sam"
    assert window.user_label.text() == "Sam Supervisor \u00b7 supervisor"
    assert window.open_assessment_by_id(draft.id)
    assert window.editor_area.current_editor().actor.username == "sam"


def test_quit_when_switching_user_closes_the_app(logged_in_window):
    window = logged_in_window([[("cleo", PASSWORD)], []])
    switch_user_action(window).trigger()
    assert not window.isVisible()
    assert window.session.user is None
