"""Addenda on a signed note: added through the dialog, refused with the field named, listed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from clinic_app.app import Services
from clinic_app.domain.records.signature import MAX_ADDENDUM_LENGTH
from clinic_app.ui.editor.addendum_dialog import AddendumDialog
from clinic_app.ui.editor.assessment_editor import AssessmentEditor
from clinic_app.ui.sign_dialog import RecordAction, SignDecision
from tests.ui.editor.record_answers import AddendumAnswers, Notices, SignAnswers

CORRECTION = "Correction: the pain is on the left knee.\nSeen again on 5 June — Zoë agrees."


def signed(editor: AssessmentEditor, monkeypatch) -> AssessmentEditor:
    SignAnswers(monkeypatch, SignDecision(RecordAction.SIGN))
    assert editor.sign()
    return editor


def test_an_addendum_is_added_to_the_signed_note_and_listed(
    qtbot, editor: AssessmentEditor, services: Services, monkeypatch
) -> None:
    signed(editor, monkeypatch)
    answers = AddendumAnswers(monkeypatch, "   ", CORRECTION)

    assert editor.add_addendum()

    (first_text, first_error), (second_text, second_error) = answers.shown
    assert (first_text, first_error) == ("", "")
    assert second_text == "   "  # the refused text is shown again, with the reason
    assert second_error.startswith("Addendum text is empty")
    [stored] = services.signing.trail(editor.session.assessment_id).addenda
    assert stored.text == CORRECTION.strip() and stored.author_name == "Alex Morgan (PH123456)"
    assert editor.addenda_panel.addenda == (stored,)
    shown = editor.addenda_panel.list.toPlainText()
    assert "Addendum 1 · Alex Morgan (PH123456) · " in shown and "Zoë agrees" in shown
    assert editor.addenda_panel.heading.text() == "Addenda (1)"


def test_a_draft_takes_no_addendum(
    qtbot, editor: AssessmentEditor, services: Services, monkeypatch
) -> None:
    notices = Notices(monkeypatch)
    answers = AddendumAnswers(monkeypatch, CORRECTION)

    assert not editor.add_addendum()

    assert answers.shown == []
    assert notices.shown == [("Add addendum", "Addenda are for signed notes: a draft is "
                                              "simply edited.")]
    assert not editor.addenda_panel.isVisibleTo(editor)


def test_the_dialog_names_the_field_when_the_text_is_empty_or_too_long(qtbot) -> None:
    dialog = AddendumDialog(None)
    qtbot.addWidget(dialog)
    add = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    add.click()
    assert dialog.error.text().startswith("Addendum text is empty")
    assert dialog.result() != AddendumDialog.DialogCode.Accepted

    dialog.text_edit.setPlainText("x" * (MAX_ADDENDUM_LENGTH + 1))
    add.click()
    assert dialog.error.text().startswith(
        f"Addendum text has {MAX_ADDENDUM_LENGTH + 1} characters"
    )
    assert dialog.counter.text() == (
        f"{MAX_ADDENDUM_LENGTH + 1} of at most {MAX_ADDENDUM_LENGTH} characters"
    )

    dialog.text_edit.setPlainText(CORRECTION)
    add.click()
    assert dialog.result() == AddendumDialog.DialogCode.Accepted
    assert dialog.text == CORRECTION
