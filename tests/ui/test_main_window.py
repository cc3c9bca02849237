"""The main window over a real SQLite database, driven by keyboard and mouse."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QApplication

from clinic_app.app import Services, build_services
from clinic_app.storage.database import Database
from clinic_app.ui.assessment_table_model import AssessmentIdRole
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.new_assessment_dialog import NewAssessmentChoice, NewAssessmentDialog
from clinic_app.ui.patient_dialog import PatientDialog
from clinic_app.ui.patient_table_model import COL_NAME, PatientIdRole
from clinic_app.ui.settings import AppSettings
from tests.ui.ui_helpers import StandInEditor, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def open_window(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services, AppSettings(), editor_factory=StandInEditor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def shown_names(window: MainWindow) -> list[str]:
    model = window.patients.model
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


@pytest.fixture
def window(qtbot, services: Services, sample_patient_ids: list[int]) -> MainWindow:
    return open_window(qtbot, services)


def test_starts_with_everyone_listed(window: MainWindow) -> None:
    assert len(shown_names(window)) == 4
    assert "Ñúñez-Øster, Zoë" in shown_names(window)
    assert window.patient_count_label.text() == "4 patients"
    assert not action(window, "editPatientAction").isEnabled()  # nobody selected yet


def test_search_as_you_type_waits_for_a_pause(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.search_edit
    with qtbot.waitSignal(window.patients.searchFinished, timeout=2000):
        qtbot.keyClicks(window.search_edit, "zo")
        assert window.patients.search_pending  # debounced: no query per keystroke
        assert len(shown_names(window)) == 4
    assert shown_names(window) == ["Ñúñez-Øster, Zoë"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("пет", "Петров, Иван"),  # Cyrillic, case-insensitive
        ("NUNEZ", "Ñúñez-Øster, Zoë"),  # accents ignored
        ("02.11.1987", "Петров, Иван"),  # date of birth, day first
        ("2008-06-30", "Okafor, Adaeze"),  # date of birth, ISO
        ("mrn-1003", "Okafor, Adaeze"),  # identifier
    ],
)
def test_search_by_name_birth_date_or_identifier(qtbot, window, query: str, expected: str) -> None:
    window.search_edit.setFocus()
    with qtbot.waitSignal(window.patients.searchFinished, timeout=2000):
        type_text(window.search_edit, query)
    assert shown_names(window) == [expected]


def test_enter_in_search_goes_to_the_first_result(qtbot, window: MainWindow) -> None:
    window.search_edit.setFocus()
    type_text(window.search_edit, "okafor")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)  # no need to wait for the pause
    assert shown_names(window) == ["Okafor, Adaeze"]
    assert QApplication.focusWidget() is window.patient_table
    assert window.selected_patient().patient.family_name == "Okafor"
    assert action(window, "newAssessmentAction").isEnabled()


def test_ctrl_n_registers_a_patient_typed_into_the_dialog(
    qtbot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_by_keyboard(cls, parent, patient=None):
        dialog = cls(parent, patient)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        assert QApplication.focusWidget() is dialog.edits["family_name"]
        for text in ("Ñúñez-Øster", "Zoë Marisol", "01.02.2001"):
            type_text(QApplication.focusWidget(), text)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        return dialog.result_patient

    monkeypatch.setattr(PatientDialog, "ask", classmethod(fill_by_keyboard))
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    selected = window.selected_patient()
    assert selected is not None
    assert selected.patient.display_name == "Ñúñez-Øster, Zoë Marisol"
    stored = services.patients.get(selected.id).patient
    assert stored.given_names == "Zoë Marisol" and stored.date_of_birth == date(2001, 2, 1)
    assert "Assessments of Ñúñez-Øster, Zoë Marisol" in window.assessments_heading.text()


def test_cancelling_the_dialog_registers_nobody(qtbot, window, services, monkeypatch) -> None:
    monkeypatch.setattr(PatientDialog, "ask", classmethod(lambda cls, parent, patient=None: None))
    action(window, "newPatientAction").trigger()
    assert services.patients.count() == 4


def test_edit_patient_updates_list_and_database(qtbot, window, services, monkeypatch) -> None:
    window.select_patient(window.patients.model.index(0, 0).data(PatientIdRole))
    original = window.selected_patient()
    renamed = original.patient.model_copy(update={"identifier": "NEW-1"})
    monkeypatch.setattr(PatientDialog, "ask", classmethod(lambda cls, p, patient=None: renamed))
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert services.patients.get(original.id).patient.identifier == "NEW-1"
    assert window.selected_patient().patient.identifier == "NEW-1"


def _start_assessment(qtbot, window: MainWindow, monkeypatch, clinician: str) -> StandInEditor:
    choice = NewAssessmentChoice(date(2026, 5, 1), clinician)
    seen: list[str] = []

    def answer(cls, parent, last_clinician=""):
        seen.append(last_clinician)
        return choice

    monkeypatch.setattr(NewAssessmentDialog, "ask", classmethod(answer))
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    editor = window.editor_area.current_editor()
    assert isinstance(editor, StandInEditor)
    return editor


def test_new_assessment_opens_an_editor_and_is_listed(qtbot, window, monkeypatch) -> None:
    window.select_patient(window.patients.model.index(0, 0).data(PatientIdRole))
    editor = _start_assessment(qtbot, window, monkeypatch, "Ana Física")
    assert editor.assessment_record.assessment.clinician == "Ana Física"
    assert window.assessments.model.rowCount() == 1
    assert window.assessment_table.model().index(0, 1).data() == "Ana Física"
    assert AppSettings().last_clinician == "Ana Física"  # offered next time
    assert window.editor_area.tabs.count() == 1


def test_enter_and_double_click_open_an_assessment_once(
    qtbot, window: MainWindow, services: Services
) -> None:
    patient_id = window.patients.model.index(1, 0).data(PatientIdRole)
    first = services.assessments.start(patient_id, date(2025, 1, 5), "A")
    services.assessments.start(patient_id, date(2025, 2, 5), "B")
    window.select_patient(patient_id)
    assert window.assessments.model.rowCount() == 2
    window.patient_table.setFocus()
    qtbot.keyClick(window.patient_table, Qt.Key.Key_Return)  # Enter on a patient: the newest
    assert window.editor_area.current_editor().assessment_record.id != first.id
    window.assessment_table.setFocus()
    qtbot.keyClick(window.assessment_table, Qt.Key.Key_Down)  # newest first; go to the older one
    qtbot.keyClick(window.assessment_table, Qt.Key.Key_Return)
    editor = window.editor_area.current_editor()
    assert editor.assessment_record.id == first.id

    row = window.assessments.model.row_of(first.id)
    rect = window.assessment_table.visualRect(window.assessments.model.index(row, 0))
    qtbot.mouseDClick(
        window.assessment_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert window.editor_area.tabs.count() == 2  # the open editor was reused
    assert window.editor_area.current_editor().assessment_record.id == first.id


def test_undo_redo_follow_the_active_editor(qtbot, window, monkeypatch, services) -> None:
    window.select_patient(window.patients.model.index(0, 0).data(PatientIdRole))
    first = _start_assessment(qtbot, window, monkeypatch, "A")
    second = _start_assessment(qtbot, window, monkeypatch, "B")
    edits: list[str] = []

    class Edit(QUndoCommand):
        def __init__(self, text: str) -> None:
            super().__init__(text)
            self.value = text

        def redo(self) -> None:
            edits.append(self.value)

        def undo(self) -> None:
            edits.remove(self.value)

    first.session.undo_stack.push(Edit("first"))
    second.session.undo_stack.push(Edit("second"))
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert edits == ["first"]  # the second editor is active
    window.editor_area.tabs.setCurrentWidget(first)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert edits == []
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert edits == ["first"]


def test_saved_time_and_failures_show_in_the_status_bar(qtbot, window, monkeypatch) -> None:
    window.select_patient(window.patients.model.index(0, 0).data(PatientIdRole))
    editor = _start_assessment(qtbot, window, monkeypatch, "A")
    editor.session.savedAt.emit("10:11:12")
    assert window.save_status_label.text() == "Saved 10:11:12"
    editor.session.saveFailed.emit("changed elsewhere")
    assert window.save_status_label.text() == "Not saved"
    assert window.statusBar().currentMessage() == "Not saved: changed elsewhere"


def test_section_shortcuts_reach_the_editor(qtbot, window, monkeypatch) -> None:
    window.select_patient(window.patients.model.index(0, 0).data(PatientIdRole))
    editor = _start_assessment(qtbot, window, monkeypatch, "A")
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)
    assert editor.section_moves == ["next", "previous"]


def test_closing_a_tab_flushes_its_editor(qtbot, window, monkeypatch) -> None:
    window.select_patient(window.patients.model.index(0, 0).data(PatientIdRole))
    editor = _start_assessment(qtbot, window, monkeypatch, "A")
    action(window, "closeAssessmentAction").trigger()
    assert editor.flush_count == 1
    assert window.editor_area.tabs.count() == 0
    assert window.editor_area.currentWidget() is window.editor_area.placeholder
    assert not action(window, "nextSectionAction").isEnabled()


def test_close_flushes_editors_and_restart_restores_everything(
    qtbot, services, sample_patient_ids, ui_database_url, monkeypatch
) -> None:
    AppSettings().patient_list_visible = True  # beside the assessment even in a small window
    window = open_window(qtbot, services)
    window.select_patient(sample_patient_ids[1])
    editor = _start_assessment(qtbot, window, monkeypatch, "A")
    window.resize(QSize(720, 560))
    window.move(QPoint(40, 30))
    window.splitter.setSizes([300, 420])
    splitter_sizes = window.splitter.sizes()
    window.close()
    assert editor.flush_count == 1

    database = Database.open(ui_database_url)  # as after a restart: a fresh connection
    try:
        again = open_window(qtbot, build_services(database))
        assert again.size() == QSize(720, 560)
        assert again.splitter.sizes() == splitter_sizes
        assert again.selected_patient().id == sample_patient_ids[1]
        assert again.selected_patient().patient.display_name == "Петров, Иван"
        assert again.assessments.model.rowCount() == 1
        assert again.assessments.model.index(0, 0).data(AssessmentIdRole) == (
            editor.assessment_record.id
        )
    finally:
        database.close()


def test_a_failing_search_is_reported_not_raised(qtbot, window, monkeypatch) -> None:
    def broken(text: str, limit: int = 200, after: int | None = None):
        raise OSError("disk gone")

    monkeypatch.setattr(window.patients._services.patients, "search", broken)
    window.patients.search_now()
    assert "Searching patients failed (OSError)" in window.statusBar().currentMessage()
    assert len(shown_names(window)) == 4  # the last good result stays


def test_tab_order_runs_from_search_through_the_lists(qtbot, window: MainWindow) -> None:
    window.search_edit.setFocus()
    visited = [QApplication.focusWidget()]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited[0] is window.search_edit
    assert visited[1] is window.patient_table
    assert visited[2].defaultAction() is action(window, "newPatientAction")
    # Edit is disabled without a selection, so Tab skips it to the assessments list.
    assert visited[3] is window.assessment_table


def test_the_real_editor_opens_in_a_tab_and_reports_saves(
    qtbot, services, sample_patient_ids
) -> None:
    pytest.importorskip("clinic_app.ui.editor.assessment_editor")
    window = MainWindow(services, AppSettings())  # default: the real AssessmentEditor
    qtbot.addWidget(window)
    window.show()
    services.assessments.start(sample_patient_ids[0], date(2026, 5, 1), "A")
    window.select_patient(sample_patient_ids[0])
    action(window, "openAssessmentAction").trigger()
    editor = window.editor_area.current_editor()
    assert editor is not None and editor.objectName() == "assessmentEditor"
    assert window.undo_group.activeStack() is editor.session.undo_stack
    editor.session.savedAt.emit("09:08:07")
    assert window.save_status_label.text() == "Saved 09:08:07"
    window.close()


def test_patient_list_makes_room_for_an_assessment_on_a_laptop_screen(
    qtbot, window, monkeypatch
) -> None:
    window.resize(1366, 740)
    toggle = action(window, "togglePatientListAction")
    assert window.patient_list_visible and not toggle.isEnabled()  # nothing else to show
    window.select_patient(window.patients.model.index(0, 0).data(PatientIdRole))
    _start_assessment(qtbot, window, monkeypatch, "A")
    assert not window.patient_list_visible  # hidden for the exam form, not yet a choice
    assert "Ctrl+L" in window.statusBar().currentMessage()
    assert AppSettings().patient_list_visible is None

    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert window.patient_list_visible and toggle.isChecked()
    assert AppSettings().patient_list_visible is True  # the user's choice is remembered
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert not window.patient_list_visible
    assert AppSettings().patient_list_visible is False

    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)  # finding a patient brings the list back
    assert window.patient_list_visible and window.search_edit.hasFocus()
    window.set_patient_list_visible(False)
    window.editor_area.close_current()
    assert window.patient_list_visible  # no assessment open: the list is all there is


def test_a_save_reloads_the_assessment_list_only_when_what_it_shows_changed(
    qtbot, services, sample_patient_ids, monkeypatch
) -> None:
    window = MainWindow(services, AppSettings())  # the real AssessmentEditor
    qtbot.addWidget(window)
    window.show()
    services.assessments.start(sample_patient_ids[0], date(2026, 5, 1), "A")
    window.select_patient(sample_patient_ids[0])
    action(window, "openAssessmentAction").trigger()
    editor = window.editor_area.current_editor()
    reloads: list[int] = []
    refresh = window.assessments.refresh
    monkeypatch.setattr(window.assessments, "refresh", lambda: (reloads.append(1), refresh()))

    editor.fields[("history", "body", "height_cm")].edited.emit(170.0)  # as a keystroke does
    assert editor.flush()
    assert reloads == []  # a finding: the list shows nothing of it

    editor.fields[("clinician",)].edited.emit("Dr Changed")
    assert editor.flush()
    assert reloads == [1]
    assert window.assessments.model.summary_at(0).clinician == "Dr Changed"
    window.close()
