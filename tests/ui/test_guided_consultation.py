"""A complete patellofemoral pain consultation in the guided exam, driven as a user would
at 1366x768, counting every key press and click: the full red-flag screen, the PFP
criteria, the differentials that matter, Kujala, the plan and both exports.

It also saves the README's screenshots of the guided exam and the note preview.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from clinic_app.app import Services
from clinic_app.domain.decision import PfpVerdict
from clinic_app.domain.fields import get_value
from clinic_app.domain.guided_exam import PARENT_OF, red_flag_checklist
from clinic_app.domain.history import AggravatingActivity, PainRegion
from clinic_app.domain.kujala import score_kujala
from clinic_app.domain.patient import Patient, Sex
from clinic_app.ui.editor.assessment_editor import EXAM_TAB, NOTE_TAB, AssessmentEditor
from clinic_app.ui.editor.fields.choice_radios import ChoiceRadioField
from clinic_app.ui.editor.fields.combo_fields import TriStateField
from clinic_app.ui.editor.fields.pain_map_field import PainMapField
from clinic_app.ui.export_presenter import ExportFileDialog
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.new_assessment_dialog import NewAssessmentChoice, NewAssessmentDialog
from clinic_app.ui.settings import AppSettings

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "resources" / "screenshots"
LAPTOP = (1366, 768)
TARGET_INPUTS = 80
CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)
SQUAT_FAMILIAR = ("functional", "squat", "familiar_patellofemoral_pain")
PAIN_REGIONS = ("history", "complaint", "pain_regions")
AGGRAVATING = ("history", "complaint", "aggravating_activities")
AFFECTED_SIDE = ("affected_side",)


class Inputs:
    """Sends key presses and clicks, one count each."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def click(self, widget: QWidget) -> None:
        """Near the left edge: a check box or radio button takes clicks on its box and text
        only, not on the rest of a wide grid cell."""
        at = QPoint(min(8, widget.width() // 2), widget.height() // 2)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)
        self.count += 1

    def key(self, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.count += 1

    def focus(self, widget: QWidget) -> None:
        """A click into a field, without opening a combo box's list."""
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
        self.count += 1


@pytest.fixture
def window(qtbot, services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    services.patients.register(Patient(
        family_name="Hartley", given_names="Emma", date_of_birth=date(2001, 4, 17),
        sex=Sex.FEMALE,
    ))
    settings = AppSettings()
    settings.clinician_name = "Alex Morgan"
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    # The dialogs answered with their defaults, as Enter would (counted where used).
    monkeypatch.setattr(NewAssessmentDialog, "ask", classmethod(
        lambda cls, parent, clinician: NewAssessmentChoice(date(2025, 3, 10), clinician)
    ))
    targets = iter([tmp_path / "note.pdf", tmp_path / "plan.pdf"])
    monkeypatch.setattr(ExportFileDialog, "ask", classmethod(
        lambda cls, parent, title, suggested: next(targets)
    ))
    return window


def evaluated(qtbot, editor: AssessmentEditor) -> None:
    """Wait for the hints of the last change (the user pauses while reading them)."""
    qtbot.waitUntil(lambda: not editor.decision_support.pending, timeout=3000)


def guided_field(qtbot, editor: AssessmentEditor, path: tuple[str, ...]):
    evaluated(qtbot, editor)
    widget = editor.guided_page.fields.get(path)
    assert widget is not None and widget.isVisibleTo(editor), f"{path} is not asked"
    return widget


def answer_yes(inputs: Inputs, field: TriStateField) -> None:
    inputs.focus(field.combo)
    inputs.key(field.combo, Qt.Key.Key_Down)  # Not assessed -> Yes


def screen_negative(inputs: Inputs, qtbot, editor: AssessmentEditor, section: str) -> None:
    evaluated(qtbot, editor)
    button = editor.guided_page.findChild(QPushButton, f"guidedScreenNegative_{section}")
    assert button is not None, f"no screen-negative action for {section}"
    inputs.click(button)


def test_a_pfp_consultation_in_the_guided_exam(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    inputs = Inputs(qtbot)
    inputs.click(window.patient_table.viewport())  # select the patient
    window.patient_table.selectRow(0)
    inputs.key(window, Qt.Key.Key_N, CTRL | SHIFT)  # new assessment
    inputs.count += 1  # Enter accepts the dialog's date and clinician
    editor = window.editor_area.current_editor()
    assert isinstance(editor, AssessmentEditor) and editor.guided  # the default when new

    side = editor.fields[AFFECTED_SIDE]
    inputs.focus(side.combo)
    inputs.key(side.combo, Qt.Key.Key_Down)  # left

    inputs.click(editor.guided_page.all_negative)  # the whole red-flag screen
    document = editor.session.document
    assert all(
        get_value(document, path) is not None
        for path in red_flag_checklist() if path not in PARENT_OF
    )
    assert document.red_flag_screen_cleared_by == "Alex Morgan"
    evaluated(qtbot, editor)
    assert editor.decision_support.evaluation.conclusion.red_flags_not_screened == ()

    # The differentials that matter: what the clinician found negative, section by section.
    for section in ("history", "patellar", "screens"):
        screen_negative(inputs, qtbot, editor, section)

    # The PFP criteria, now among the findings that can still change the conclusion.
    regions = guided_field(qtbot, editor, PAIN_REGIONS)
    assert isinstance(regions, PainMapField)
    inputs.click(regions.region_list.option_boxes[PainRegion.RETROPATELLAR.value])
    aggravating = guided_field(qtbot, editor, AGGRAVATING)
    for activity in (AggravatingActivity.SQUATTING, AggravatingActivity.STAIRS_DOWN):
        inputs.click(aggravating.option_boxes[activity.value])
    answer_yes(inputs, guided_field(qtbot, editor, SQUAT_FAMILIAR))
    evaluated(qtbot, editor)
    evaluation = editor.decision_support.evaluation
    assert evaluation.pfp_verdict is PfpVerdict.LIKELY, evaluation.conclusion.summary

    kujala = list(editor.kujala_paths)
    assert len(kujala) == 13
    for path in kujala:  # the second answer of each item
        field = editor.guided_page.fields[path]
        assert isinstance(field, ChoiceRadioField)
        inputs.click(field.group.buttons()[2])
    assert score_kujala(editor.session.document.outcomes.kujala).complete

    inputs.key(window, Qt.Key.Key_P, ALT)  # look at the plan
    assert editor.plan_page.isVisible()
    inputs.key(window, Qt.Key.Key_E, CTRL | ALT)  # export the SOAP note
    inputs.count += 1  # Enter in the save dialog
    inputs.key(window, Qt.Key.Key_E, CTRL | SHIFT)  # export the rehab plan
    inputs.count += 1

    assert evaluation.conclusion.loading_programme_allowed
    note = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "note.pdf").pages
    )
    assert "recorded negative item by item by Alex Morgan" in note
    assert PdfReader(tmp_path / "plan.pdf").pages
    print(f"\nGuided PFP consultation: {inputs.count} inputs")
    assert inputs.count <= TARGET_INPUTS
    stated = re.search(r"took (\d+) inputs", (REPO / "README.md").read_text())
    assert stated is not None and int(stated.group(1)) == inputs.count, "update the README"


def test_screenshots_of_the_guided_exam_and_the_note_preview(qtbot, window: MainWindow) -> None:
    window.patient_table.selectRow(0)
    window.new_assessment()
    editor = window.editor_area.current_editor()
    assert isinstance(editor, AssessmentEditor)
    editor.work_tabs.setCurrentIndex(EXAM_TAB)
    editor.clear_red_flag_screen()
    evaluated(qtbot, editor)
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert window.grab().save(str(SHOTS / "guided-exam.png"))
    editor.work_tabs.setCurrentIndex(NOTE_TAB)
    evaluated(qtbot, editor)
    assert "Red-flag screen" in editor.note_page.generated_text("A")
    QApplication.processEvents()
    assert window.grab().save(str(SHOTS / "note-preview.png"))


def test_follow_up_questions_wait_for_their_parent(qtbot, window: MainWindow) -> None:
    window.patient_table.selectRow(0)
    window.new_assessment()
    editor = window.editor_area.current_editor()
    assert isinstance(editor, AssessmentEditor)
    rows = editor.guided_page.red_flag_rows
    follow_up = rows[("history", "trauma", "weight_bearing_now")]
    assert not follow_up.isVisibleTo(editor)
    full_form = editor.section_pages["history"]
    in_full_form = editor.fields[("history", "trauma", "weight_bearing_now")]
    assert not in_full_form.isVisibleTo(full_form)
    mechanism = editor.guided_page.fields[("history", "trauma", "mechanism")]
    mechanism.combo.setCurrentIndex(3)  # twist or pivot: a trauma
    assert follow_up.isVisibleTo(editor) and in_full_form.isVisibleTo(full_form)
    editor.session.undo_stack.undo()
    assert not follow_up.isVisibleTo(editor) and not in_full_form.isVisibleTo(full_form)


def test_all_negative_and_screen_negative_are_one_undo_step_each(
    qtbot, window: MainWindow
) -> None:
    window.patient_table.selectRow(0)
    window.new_assessment()
    editor = window.editor_area.current_editor()
    assert isinstance(editor, AssessmentEditor)
    stack = editor.session.undo_stack
    editor.guided_page.all_negative.click()
    document = editor.session.document
    assert document.history.systemic.fever is False
    assert document.screens.acute.straight_leg_raise_possible is True  # its negative is "yes"
    assert document.history.trauma.weight_bearing_now is None  # no trauma: not asked
    assert stack.count() == 1
    editor.set_guided(False)
    button = editor.section_pages["patellar"].findChild(QPushButton, "screenNegative_patellar")
    button.click()
    assert editor.session.document.patellar.left.apprehension is False
    assert stack.count() == 2
    stack.undo()
    assert editor.session.document.patellar.left.apprehension is None
    assert editor.session.document.history.systemic.fever is False
    stack.undo()
    assert editor.session.document.history.systemic.fever is None
    assert editor.session.document.red_flag_screen_cleared_by is None
