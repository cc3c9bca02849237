"""The follow-up visit in the real main window (issue 13): New follow-up on a patient with
a baseline opens the short re-assessment form with last time's values beside (never in)
the inputs; a refused value names the field and saves nothing; the saved follow-up opens
in the editor, whose decision support sees the baseline and the course."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from clinic_app.app import Services
from clinic_app.domain.assessment import Assessment
from clinic_app.domain.episode.visits import VisitKind
from clinic_app.domain.fields import with_value
from clinic_app.domain.patient import Patient, Sex
from clinic_app.ui.editor.fields.choice_radios import ChoiceRadioField
from clinic_app.ui.editor.fields.combo_fields import TriStateField
from clinic_app.ui.editor.plan_page import PlanPage
from clinic_app.ui.follow_up_dialog import FollowUpDialog
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.episode.building import kujala_answers, outcomes
from tests.ui.ui_helpers import type_text

PAIN = ("outcomes", "pain")
TREATMENT = ("history", "treatment")
J_SIGN = ("patellar", "left", "j_sign")
ADHERENCE = (*TREATMENT, "adherence_percent")
WHAT_CHANGED = ("soap_text", "subjective")
SCREENSHOTS = Path(__file__).parents[2] / "resources" / "screenshots"
SCREEN = (1366, 768)


def save_screenshot(widget: QWidget, name: str) -> None:
    """An offscreen grab of ``widget`` as laid out on a 1366x768 screen."""
    QApplication.processEvents()
    widget.grab().save(str(SCREENSHOTS / name))


def register(services: Services, family: str) -> int:
    return services.patients.register(Patient(
        family_name=family, given_names="Zoë", date_of_birth=date(1994, 5, 1),
        sex=Sex.FEMALE))


def record_visit(services: Services, patient_id: int, on: date,
                 values: dict[tuple[str, ...], Any]) -> int:
    record = services.assessments.start(patient_id, on, clinician="A. Clinician")
    document: Assessment = record.assessment
    for path, value in values.items():
        document = with_value(document, path, value)
    services.assessments.save_draft(record.id, document, record.version)
    return record.id


def open_window(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services, AppSettings())
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_follow_up_without_meaningful_change_leads_to_the_non_responder_advice(
    qtbot, services: Services
) -> None:
    baseline_day = date.today() - timedelta(weeks=9)
    patient = register(services, "Ñúñez")
    baseline = record_visit(services, patient, baseline_day, {
        **outcomes(58, 6, 8), J_SIGN: True, (*TREATMENT, "weeks"): 0})
    window = open_window(qtbot, services)
    action = window.action_registry["newFollowUpAction"]
    assert not action.isEnabled() and "select a patient first" in action.toolTip()
    qtbot.waitUntil(lambda: window.select_patient(patient))
    assert action.isEnabled()

    action.trigger()
    dialog = window.episode.dialog
    assert isinstance(dialog, FollowUpDialog)
    qtbot.waitExposed(dialog)
    # Last time's value beside each field, never in it.
    usual = dialog.fields[(*PAIN, "usual")]
    assert dialog.previous_labels[(*PAIN, "usual")].text() == "Last time: 6 points"
    assert usual.line_edit.text() == ""
    assert dialog.previous_labels[J_SIGN].text() == "Last time: yes"
    j_sign = dialog.fields[J_SIGN]
    assert isinstance(j_sign, TriStateField) and j_sign.combo.currentIndex() == 0
    assert dialog.previous_labels[ADHERENCE].text() == "Last time: not recorded"
    assert "Kujala AKPS (last time 58/100)" in _group_titles(dialog)

    type_text(usual.line_edit, "6")
    type_text(dialog.fields[(*PAIN, "worst_last_week")].line_edit, "7")
    for path, code in kujala_answers(60).items():
        field = dialog.fields[path]
        assert isinstance(field, ChoiceRadioField) and field.group.checkedId() == 0
        field.button_for(code).click()
    j_sign.combo.setCurrentIndex(1)  # still positive
    type_text(dialog.fields[(*TREATMENT, "weeks")].line_edit, "9")
    type_text(dialog.fields[ADHERENCE].line_edit, "150")
    dialog.fields[WHAT_CHANGED].notes_edit.setPlainText("Does the exercises; no better.")

    if os.environ.get("CLINIC_APP_SCREENSHOTS"):  # refresh the README's picture on request
        dialog.fields[(*PAIN, "usual")].focus_input()
        save_screenshot(dialog, "follow-up-form.png")

    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    refusal = dialog.error_label.text()
    assert "Adherence" in refusal and "150" in refusal and "0 to 100" in refusal
    assert dialog.isVisible()
    assert len(services.assessments.for_patient(patient)) == 1  # nothing saved

    adherence = dialog.fields[ADHERENCE].line_edit
    adherence.clear()
    type_text(adherence, "90")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    summaries = services.assessments.for_patient(patient)
    assert len(summaries) == 2
    follow_up = next(s.id for s in summaries if s.id != baseline)
    stored = services.assessments.load(follow_up).assessment
    assert stored.outcomes.pain.usual == 6 and stored.outcomes.pain.worst_last_week == 7
    assert stored.history.treatment.adherence_percent == 90
    assert stored.patellar.left.j_sign is True
    assert stored.soap_text.subjective == "Does the exercises; no better."
    assert services.episodes.visit_kind(follow_up) is VisitKind.FOLLOW_UP

    editor = window.editor_area.editor_for(follow_up)
    assert editor is not None and window.editor_area.current_editor() is editor
    assert [a.assessment_date for a in editor.decision_support.earlier] == [baseline_day]
    evaluation = editor.decision_support.evaluate_now(editor.session.document)
    assert evaluation is not None
    non_responder = evaluation.hint("NON-RESPONDER")
    assert non_responder is not None and non_responder.fired
    assert services.episodes.progress(patient).conclusion.lead.startswith("Not responding")
    # The plan page says the current phase and what comes next.
    plan_phase = editor.findChild(PlanPage).phase.text()
    assert "Phase 1: settle and learn" in plan_phase
    assert "Next: Phase 2: build strength (weeks 2-8), when: usual pain" in plan_phase


def _group_titles(dialog: FollowUpDialog) -> str:
    from PySide6.QtWidgets import QGroupBox

    return " | ".join(box.title() for box in dialog.findChildren(QGroupBox))


def test_a_patient_without_an_assessment_cannot_have_a_follow_up(
    qtbot, services: Services
) -> None:
    patient = register(services, "Quinn")
    window = open_window(qtbot, services)
    qtbot.waitUntil(lambda: window.select_patient(patient))
    action = window.action_registry["newFollowUpAction"]
    assert not action.isEnabled()
    assert "no assessment yet" in action.toolTip()
