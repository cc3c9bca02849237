"""The new/edit patient dialog driven as a user would: keyboard, mouse, wrong input."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from clinic_app.domain.patient import Sex
from clinic_app.ui.patient_dialog import PatientDialog, parse_birth_date
from tests.ui.ui_helpers import make_patient, type_text

TODAY = date(2026, 5, 1)


@pytest.fixture
def dialog(qtbot) -> PatientDialog:
    dialog = PatientDialog(today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _focused():
    return QApplication.focusWidget()


def test_new_patient_entirely_by_keyboard(qtbot, dialog: PatientDialog) -> None:
    assert _focused() is dialog.edits["family_name"]  # typing can start at once
    type_text(_focused(), "Ñúñez-Øster")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    type_text(_focused(), "Zoë")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is dialog.date_of_birth_edit
    type_text(_focused(), "12.03.1994")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is dialog.sex_combo
    qtbot.keyClick(_focused(), Qt.Key.Key_Down)  # "Choose…" -> Female
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    type_text(_focused(), "MRN-77")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # Save is the default button
    patient = dialog.result_patient
    assert patient is not None
    assert (patient.family_name, patient.given_names) == ("Ñúñez-Øster", "Zoë")
    assert patient.date_of_birth == date(1994, 3, 12)
    assert patient.sex is Sex.FEMALE
    assert patient.identifier == "MRN-77"
    assert patient.phone is None  # left empty means not given, not ""


def test_new_patient_with_the_mouse_and_cyrillic_names(qtbot, dialog: PatientDialog) -> None:
    qtbot.mouseClick(dialog.edits["given_names"], Qt.MouseButton.LeftButton)
    type_text(_focused(), "Иван")
    qtbot.mouseClick(dialog.edits["family_name"], Qt.MouseButton.LeftButton)
    type_text(_focused(), "Петров")
    qtbot.mouseClick(dialog.date_of_birth_edit, Qt.MouseButton.LeftButton)
    type_text(_focused(), "1987-11-02")
    dialog.sex_combo.setCurrentIndex(dialog.sex_combo.findData(Sex.MALE.value))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    patient = dialog.result_patient
    assert patient is not None
    assert patient.display_name == "Петров, Иван"
    assert patient.sex is Sex.MALE


def test_saving_an_empty_form_names_every_required_field(qtbot, dialog: PatientDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result_patient is None
    assert dialog.error_text("family_name") == "Family name: required; enter 1 to 200 characters"
    assert dialog.error_text("given_names").startswith("Given names: required")
    assert dialog.error_text("date_of_birth").startswith("Date of birth: required")
    assert dialog.error_text("sex") == "Sex: not chosen; choose one of Female, Male, Other"
    assert dialog.error_text("identifier") == ""
    assert _focused() is dialog.edits["family_name"]  # the first problem gets the focus


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31.02.1990", "Date of birth: '31.02.1990' is not a calendar date"),
        ("next tuesday", "Date of birth: 'next tuesday' is not a date as YYYY-MM-DD or DD.MM.YYYY"),
        ("2027-01-01", "Date of birth: '2027-01-01' is out of range; allowed 1905-05-02 to today"),
        ("1905-05-01", "Date of birth: '1905-05-01' is out of range; allowed 1905-05-02 to today "
                       "(an age from 0 to 120)"),
    ],
)
def test_wrong_birth_dates_say_what_is_allowed(qtbot, dialog, typed: str, message: str) -> None:
    dialog.edits["family_name"].setText("Okafor")
    dialog.edits["given_names"].setText("Adaeze")
    dialog.sex_combo.setCurrentIndex(1)
    dialog.date_of_birth_edit.setText(typed)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_patient is None
    assert dialog.error_text("date_of_birth").startswith(message)
    assert dialog.error_text("family_name") == ""
    dialog.date_of_birth_edit.setText("30.06.2008")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text("date_of_birth") == ""


def test_blank_and_overlong_text_is_refused_with_the_limit(qtbot, dialog) -> None:
    dialog.edits["family_name"].setText("   ")
    dialog.edits["given_names"].setText("A" * 201)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text("family_name").startswith("Family name: required")
    assert dialog.error_text("given_names") == (
        "Given names: 201 characters is too long; at most 200 allowed"
    )


def test_control_characters_in_a_name_are_refused_naming_the_field(qtbot, dialog) -> None:
    dialog.edits["family_name"].setText("Okafor\x1b]0;owned\x07")
    dialog.edits["given_names"].setText("Ada\tEze")
    dialog.date_of_birth_edit.setText("1990-01-01")
    dialog.sex_combo.setCurrentIndex(1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_patient is None
    assert dialog.error_text("family_name") == (
        "Family name: 'Okafor\\x1b]0;owned\\x07' is not allowed; it contains control "
        "character U+001B ESC; expected text without control characters"
    )
    assert dialog.error_text("given_names").startswith(
        "Given names: 'Ada\\tEze' is not allowed; it contains control character U+0009 TAB"
    )


def test_editing_shows_the_current_details(qtbot) -> None:
    existing = make_patient("Lindqvist", "Erik", date(1972, 1, 15), Sex.MALE, "X-9")
    dialog = PatientDialog(patient=existing, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit patient"
    assert dialog.edits["family_name"].text() == "Lindqvist"
    assert dialog.date_of_birth_edit.text() == "1972-01-15"
    assert dialog.sex_combo.currentData() == "male"
    dialog.edits["phone"].setText("+46 70 123 45 67")
    dialog.accept()
    assert dialog.result_patient == existing.model_copy(update={"phone": "+46 70 123 45 67"})


def test_ask_returns_the_patient_from_the_modal_dialog(qtbot) -> None:
    def answer() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, PatientDialog)
        modal.edits["family_name"].setText("Ñúñez-Øster")
        modal.edits["given_names"].setText("Zoë")
        modal.date_of_birth_edit.setText("1994-03-12")
        modal.sex_combo.setCurrentIndex(1)
        modal.save_button.click()

    QTimer.singleShot(0, answer)
    patient = PatientDialog.ask(None)
    assert patient is not None and patient.given_names == "Zoë"


def test_ask_returns_none_when_cancelled(qtbot) -> None:
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert PatientDialog.ask(None) is None


def test_parse_birth_date_formats() -> None:
    assert parse_birth_date(" 2.3.2001 ", TODAY) == date(2001, 3, 2)
    assert parse_birth_date("2001-03-02", TODAY) == date(2001, 3, 2)
    assert parse_birth_date("02/03/2001", TODAY) == date(2001, 3, 2)
    with pytest.raises(ValueError, match="out of range"):
        parse_birth_date("1899-12-31", TODAY)
