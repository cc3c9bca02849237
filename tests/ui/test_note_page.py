"""The note page: the clinician's S/O/A/P text, follow-up and referral, saved like the exam."""

from __future__ import annotations

from datetime import date

from clinic_app.ui.editor.assessment_editor import EXAM_TAB, NOTE_TAB
from clinic_app.ui.editor.note_page import note_paths
from tests.ui import demo_case_editing
from tests.ui.demo_case_editing import DemoClinic
from tests.ui.editor.editor_driving import enter_value, text_input, type_text

# The shared fixtures, made visible to pytest in this module
clinic = demo_case_editing.clinic
open_editor = demo_case_editing.open_editor

SUBJECTIVE = ("soap_text", "subjective")
HOSTILE = "Dx: <unknown> & <b>S&P</b> \u2014 Ελένη, Иван"


def test_every_free_text_field_of_the_note_is_on_the_page(open_editor):
    editor = open_editor(1)
    assert set(editor.note_page.fields) == set(note_paths())
    assert {path[0] for path in note_paths()} == {"soap_text", "follow_up_date", "referral"}
    assert len(note_paths()) == 6


def test_note_text_is_undoable_saved_and_restored(qtbot, clinic: DemoClinic, open_editor):
    editor = open_editor(1)
    editor.go_to(SUBJECTIVE)
    assert editor.work_tabs.currentIndex() == NOTE_TAB
    type_text(text_input(editor.fields[SUBJECTIVE]), HOSTILE)
    assert editor.session.document.soap_text.subjective == HOSTILE
    editor.go_to(("follow_up_date",))
    enter_value(editor.fields[("follow_up_date",)], date(2025, 3, 24))
    assert editor.session.document.follow_up_date == date(2025, 3, 24)

    editor.session.undo_stack.undo()
    assert editor.session.document.follow_up_date is None
    editor.work_tabs.setCurrentIndex(EXAM_TAB)
    editor.session.undo_stack.undo()
    assert editor.session.document.soap_text.subjective is None
    assert editor.work_tabs.currentIndex() == NOTE_TAB  # undo shows what it changed
    editor.session.undo_stack.redo()
    editor.session.undo_stack.redo()
    assert editor.flush()
    editor.close()

    clinic.restart()
    reopened = open_editor(1)
    assert reopened.session.document.soap_text.subjective == HOSTILE
    assert reopened.session.document.follow_up_date == date(2025, 3, 24)
    assert reopened.fields[SUBJECTIVE].text() == HOSTILE
