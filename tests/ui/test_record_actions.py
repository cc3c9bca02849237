"""The main window's Sign and Add addendum actions act on the open editor and are enabled by
the note's status."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from clinic_app.ui.sign_dialog import RecordAction, SignDecision
from tests.ui.editor.record_answers import AddendumAnswers, SignAnswers


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_sign_then_add_an_addendum_from_the_file_menu(
    qtbot, services, sample_patient_ids, monkeypatch
) -> None:
    record = services.assessments.start(sample_patient_ids[0], date(2026, 5, 1), "A. Physio")
    window = MainWindow(services, AppSettings())
    qtbot.addWidget(window)
    window.show()
    sign, add_addendum = action(window, "signAssessmentAction"), action(window, "addAddendumAction")
    file_menu = window.menuBar().findChild(QMenu, "fileMenu")
    assert {sign, add_addendum} <= set(file_menu.actions())
    assert sign.shortcut() == QKeySequence("Ctrl+Alt+S")
    assert add_addendum.shortcut() == QKeySequence("Ctrl+Alt+A")
    assert not sign.isEnabled() and not add_addendum.isEnabled()  # no editor open

    window.select_patient(sample_patient_ids[0])
    action(window, "openAssessmentAction").trigger()
    editor = window.editor_area.current_editor()
    assert sign.isEnabled() and not add_addendum.isEnabled()

    SignAnswers(monkeypatch, SignDecision(RecordAction.SIGN))
    sign.trigger()

    assert editor.session.status is AssessmentStatus.SIGNED
    assert services.assessments.load(record.id).assessment.status is AssessmentStatus.SIGNED
    assert not sign.isEnabled() and add_addendum.isEnabled()

    AddendumAnswers(monkeypatch, "Follow-up moved to June.")
    add_addendum.trigger()

    [addendum] = services.signing.trail(record.id).addenda
    assert addendum.text == "Follow-up moved to June."
    assert editor.addenda_panel.addenda == (addendum,)
    window.close()
