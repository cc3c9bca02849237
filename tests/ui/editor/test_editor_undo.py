"""Every edit is one undo step; undo and redo update the widgets and the stored draft."""

from __future__ import annotations

from tests.ui.editor.editor_driving import choose_with_keys, click, replace_text, type_text

HEIGHT = ("history", "body", "height_cm")
GOALS = ("history", "goals")
FEVER = ("history", "systemic", "fever")


def test_typing_in_one_field_is_one_undo_step(qtbot, editor, services):
    replace_text(editor.fields[HEIGHT], "172")
    assert editor.session.undo_stack.count() == 1
    editor.session.undo_stack.undo()
    assert editor.fields[HEIGHT].line_edit.text() == ""
    assert editor.session.document.history.body.height_cm is None
    editor.session.undo_stack.redo()
    assert editor.fields[HEIGHT].line_edit.text() == "172"
    assert editor.session.document.history.body.height_cm == 172
    editor.session.undo_stack.undo()
    editor.flush()
    stored = services.assessments.load(editor.session.assessment_id).assessment
    assert stored.history.body.height_cm is None


def test_multiline_notes_merge_and_undo(qtbot, editor):
    goals = editor.fields[GOALS]
    replace_text(goals, "Run the Berlin")
    type_text(goals.notes_edit, " marathon – Зоя")
    assert editor.session.document.history.goals == "Run the Berlin marathon – Зоя"
    assert editor.session.undo_stack.count() == 1
    editor.session.undo_stack.undo()
    assert goals.notes_edit.toPlainText() == ""
    assert editor.session.document.history.goals is None


def test_separate_fields_are_separate_steps_and_undo_shows_the_page(qtbot, editor):
    fever = editor.fields[FEVER]
    choose_with_keys(fever.combo, 1)  # "Yes"
    assert editor.session.document.history.systemic.fever is True
    replace_text(editor.fields[HEIGHT], "160")
    editor.show_section("outcomes")
    assert editor.session.undo_stack.count() == 2
    editor.session.undo_stack.undo()
    assert editor.current_section() == "history"
    editor.session.undo_stack.undo()
    assert fever.combo.currentText() == "Not assessed"
    assert editor.session.document.history.systemic.fever is None
    editor.session.undo_stack.redo()
    assert fever.combo.currentText() == "Yes"


def test_choices_and_undo(qtbot, editor):
    activities = editor.fields[("history", "complaint", "aggravating_activities")]
    click(activities.option_boxes["stairs_down"])
    click(activities.option_boxes["squatting"])
    assert {a.value for a in editor.session.document.history.complaint.aggravating_activities} == {
        "stairs_down", "squatting",
    }
    editor.session.undo_stack.undo()
    assert activities.option_boxes["stairs_down"].isChecked()
    assert not activities.option_boxes["squatting"].isChecked()
    click(activities.option_boxes["stairs_down"])  # unticking the last option: not assessed
    assert editor.session.document.history.complaint.aggravating_activities is None
    assert activities.not_assessed_box.isChecked()
    click(activities.none_box)  # assessed, none present: an empty set, not "not assessed"
    assert editor.session.document.history.complaint.aggravating_activities == set()


def test_ctrl_z_in_a_text_box_undoes_the_document(qtbot, editor):
    from PySide6.QtCore import Qt

    height = editor.fields[HEIGHT]
    replace_text(height, "158")
    replace_text(editor.fields[GOALS], "Dance again")
    editor.go_to(HEIGHT)
    qtbot.keyClick(height.line_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.session.document.history.goals is None
    assert editor.fields[GOALS].notes_edit.toPlainText() == ""
    qtbot.keyClick(
        height.line_edit, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.session.document.history.goals == "Dance again"
