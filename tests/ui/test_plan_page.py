"""The rehab plan page: generated from the findings, then edited, saved and restored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clinic_app.ui.editor.assessment_editor import PLAN_TAB
from clinic_app.ui.editor.plan_page import PlanPage
from clinic_app.ui.exercise_library import exercise_library
from clinic_app.ui.exercise_picker import ExercisePickerDialog
from tests.ui import demo_case_editing
from tests.ui.demo_case_editing import DemoClinic
from tests.ui.editor.editor_driving import type_text
from tests.ui.test_hints_panel import click

# The shared fixtures, made visible to pytest in this module
clinic = demo_case_editing.clinic
open_editor = demo_case_editing.open_editor

ALT = Qt.KeyboardModifier.AltModifier


def shown_ids(page: PlanPage) -> list[str]:
    return [page.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(page.list.count())]


@pytest.fixture
def plan_editor(qtbot, open_editor):
    editor = open_editor(1)
    editor.work_tabs.setCurrentIndex(PLAN_TAB)
    qtbot.waitUntil(editor.plan_page.list.isVisible)
    return editor


def test_case_1_plan_is_generated_with_hip_exercises_and_cadence(plan_editor):
    page = plan_editor.plan_page
    ids = shown_ids(page)
    assert "side_lying_hip_abduction" in ids
    assert "Running cadence retraining" in page.measures.text()
    assert plan_editor.session.document.rehab_plan is None  # still following the findings
    assert not page.regenerate.isEnabled()


def test_add_remove_reorder_and_dose_are_saved_and_restored(
    qtbot, monkeypatch, clinic: DemoClinic, open_editor, plan_editor
):
    page = plan_editor.plan_page
    before = shown_ids(page)
    added = next(e.id for e in exercise_library() if e.id not in before)
    offered: list[list[str]] = []

    def choose(cls, parent, library, exclude):
        offered.append(list(exclude))
        return added

    monkeypatch.setattr(ExercisePickerDialog, "ask", classmethod(choose))
    click(qtbot, page.add)
    assert offered == [before]  # exercises already in the plan are not offered again
    assert shown_ids(page) == [*before, added]
    assert page.selected_id() == added

    page.list.setCurrentRow(0)
    removed = before[0]
    click(qtbot, page.remove)
    assert removed not in shown_ids(page)

    page.list.setFocus()
    page.list.setCurrentRow(0)
    moved = shown_ids(page)[0]
    qtbot.keyClick(page.list, Qt.Key.Key_Down, ALT)
    assert shown_ids(page)[1] == moved and page.selected_id() == moved
    click(qtbot, page.up)
    assert shown_ids(page)[0] == moved
    click(qtbot, page.down)

    page.dose.setFocus()
    page.dose.selectAll()
    type_text(page.dose, "2 sets x 8")
    qtbot.keyClick(page.dose, Qt.Key.Key_Return)
    edited = plan_editor.session.document.rehab_plan
    assert edited is not None
    assert next(p for p in edited.exercises if p.exercise_id == moved).dose == "2 sets x 8"
    expected_order = shown_ids(page)
    assert plan_editor.flush()
    plan_editor.close()

    clinic.restart()
    reopened = open_editor(1)
    assert reopened.session.document.rehab_plan == edited
    assert shown_ids(reopened.plan_page) == expected_order
    assert reopened.plan_page.regenerate.isEnabled()


def test_plan_edits_are_undoable(qtbot, plan_editor):
    page = plan_editor.plan_page
    before = shown_ids(page)
    page.list.setCurrentRow(0)
    click(qtbot, page.remove)
    assert shown_ids(page) == before[1:]
    plan_editor.session.undo_stack.undo()
    assert shown_ids(page) == before
    assert plan_editor.session.document.rehab_plan is None
    plan_editor.session.undo_stack.redo()
    assert shown_ids(page) == before[1:]


def test_an_empty_dose_is_refused_with_a_message(qtbot, plan_editor):
    page = plan_editor.plan_page
    page.list.setCurrentRow(0)
    original = page.dose.text()
    page.dose.setFocus()
    page.dose.clear()
    qtbot.keyClick(page.dose, Qt.Key.Key_Return)
    assert page.error.isVisible()
    assert "Dose" in page.error.text() and "1 to 200 characters" in page.error.text()
    assert page.dose.text() == original
    assert plan_editor.session.document.rehab_plan is None


def test_regenerate_asks_first_and_can_be_undone(qtbot, monkeypatch, plan_editor):
    page = plan_editor.plan_page
    generated = shown_ids(page)
    page.list.setCurrentRow(0)
    click(qtbot, page.remove)
    answers = iter([False, True])
    monkeypatch.setattr(PlanPage, "confirm_regenerate", classmethod(lambda cls, p: next(answers)))
    click(qtbot, page.regenerate)
    assert shown_ids(page) == generated[1:]  # declined: nothing changed
    click(qtbot, page.regenerate)
    assert shown_ids(page) == generated
    assert plan_editor.session.document.rehab_plan is None
    plan_editor.session.undo_stack.undo()
    assert shown_ids(page) == generated[1:]


def test_a_red_flag_shows_the_referral_instead_of_exercises(qtbot, open_editor):
    editor = open_editor(2)
    editor.work_tabs.setCurrentIndex(PLAN_TAB)
    page = editor.plan_page
    qtbot.waitUntil(page.referral.isVisible)
    assert not page.programme.isVisible()
    assert "No loading programme" in page.referral_text.text()
    assert "orthopaedic" in page.referral_text.text().lower()


def test_the_picker_shows_pictures_names_and_targets(qtbot):
    library = exercise_library()
    dialog = ExercisePickerDialog(library, exclude=[library.exercises[0].id])
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(library) - 1
    first = dialog.list.item(0)
    exercise = library.exercises[1]
    assert first.text() == f"{exercise.name}\n{exercise.target}"
    assert not first.icon().isNull()
    assert dialog.preview.renderer().isValid()
    assert exercise.name in dialog.details.text()
    QApplication.processEvents()
