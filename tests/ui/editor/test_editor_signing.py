"""Signing from the editor: the dialog's offer by role, the services' refusals, and the
read-only note with its banner afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from clinic_app.app import Services
from clinic_app.domain.assessment import AssessmentStatus, HintDecision
from clinic_app.domain.decision import HintDecisionKind
from clinic_app.domain.records.roles import Role, User
from clinic_app.services.ports import AssessmentRecord, PatientRecord
from clinic_app.ui.editor.assessment_editor import AssessmentEditor
from clinic_app.ui.sign_dialog import RecordAction, SignDecision
from tests.records.helpers import PASSWORD, clinic_users
from tests.ui import demo_case_editing
from tests.ui.demo_case_editing import DemoClinic
from tests.ui.editor.editor_driving import choose_with_keys, click, replace_text, type_text
from tests.ui.editor.record_answers import Notices, SignAnswers

GOALS = ("history", "goals")
HEIGHT = ("history", "body", "height_cm")
SIDE = ("affected_side",)
PAIN_MAP = ("history", "complaint", "pain_regions")

clinic = demo_case_editing.clinic  # the demo-case fixture, made visible to pytest here


@pytest.fixture
def users(services: Services) -> dict[Role, User]:
    return clinic_users(services)


@pytest.fixture
def open_editor(qtbot, services: Services, patient_record: PatientRecord,
                assessment_record: AssessmentRecord):
    def open_as(actor: User | None) -> AssessmentEditor:
        loaded = services.assessments.load(assessment_record.id)
        editor = AssessmentEditor(services, patient_record, loaded, actor=actor)
        qtbot.addWidget(editor)
        editor.resize(1280, 860)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return open_as


def test_signing_a_draft_saves_it_first_then_shows_it_read_only_under_a_banner(
    qtbot, editor: AssessmentEditor, services: Services, monkeypatch
) -> None:
    answers = SignAnswers(monkeypatch, SignDecision(RecordAction.SIGN))
    replace_text(editor.fields[GOALS], "Back to netball")  # not yet autosaved

    QTest.mouseClick(editor.header.sign_button, Qt.MouseButton.LeftButton)

    [request] = answers.requests
    assert request.actions == (RecordAction.SIGN,)
    assert not request.password_required  # a single-user installation has no login
    assert request.signer.display_name == "Alex Morgan"
    assert "0 of 8 exam sections complete" in request.completeness
    stored = services.assessments.load(editor.session.assessment_id)
    assert stored.assessment.status is AssessmentStatus.SIGNED
    assert stored.assessment.history.goals == "Back to netball"
    assert editor.session.read_only and editor.session.status is AssessmentStatus.SIGNED
    assert editor.session.version == stored.version
    banner = editor.banner.text()
    assert banner.startswith("Signed by Alex Morgan (PH123456) (Clinician) on ")
    assert f"SHA-256 {stored.signature.content_hash[:16]}\u2026" in banner
    assert editor.session.undo_stack.count() == 0
    assert editor.header.sign_button.isHidden()
    assert editor.addenda_panel.isVisibleTo(editor) and editor.session.accepts_addenda


def test_a_signed_editor_refuses_every_kind_of_input_without_error_messages(
    qtbot, editor: AssessmentEditor, services: Services, monkeypatch
) -> None:
    SignAnswers(monkeypatch, SignDecision(RecordAction.SIGN))
    replace_text(editor.fields[GOALS], "Back to netball")
    assert editor.sign()
    stored_version = services.assessments.load(editor.session.assessment_id).version
    failures: list[str] = []
    editor.session.saveFailed.connect(failures.append)

    goals = editor.fields[GOALS]
    type_text(goals.notes_edit, " and hiking")
    replace_text(editor.fields[HEIGHT], "170")
    choose_with_keys(editor.fields[SIDE].combo, 2)
    pain_map = editor.fields[PAIN_MAP]
    click(pain_map.region_list.option_boxes["retropatellar"])
    QTest.keyClick(goals.notes_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(400)  # longer than the autosave delay: nothing may be written meanwhile

    assert goals.notes_edit.toPlainText() == "Back to netball"
    assert goals.notes_edit.isReadOnly()
    assert editor.fields[HEIGHT].line_edit.text() == ""
    assert editor.fields[SIDE].combo.currentIndex() == 0
    assert not pain_map.region_list.option_boxes["retropatellar"].isChecked()
    assert not pain_map.diagram.isEnabled()
    assert editor.session.document.history.goals == "Back to netball"
    assert not editor.session.has_unsaved_changes and failures == []
    assert services.assessments.load(editor.session.assessment_id).version == stored_version
    assert not editor.plan_page.add.isEnabled()
    for card_button in editor.hints_panel.findChildren(QPushButton):
        if card_button.objectName() in ("accept", "dismiss"):
            assert not card_button.isEnabled()


def test_a_signed_note_opens_read_only(
    qtbot, make_editor, services: Services, assessment_record: AssessmentRecord
) -> None:
    services.signing.sign(assessment_record.id, None)

    editor = make_editor()

    assert editor.session.read_only
    assert editor.banner.text().startswith("Signed by Alex Morgan (PH123456)")
    assert editor.fields[GOALS].notes_edit.isReadOnly()
    assert editor.flush() is True


def test_a_student_is_offered_only_submission_and_a_supervisor_co_signs(
    qtbot, open_editor, users: dict[Role, User], services: Services, monkeypatch
) -> None:
    student_editor = open_editor(users[Role.STUDENT])
    answers = SignAnswers(monkeypatch, SignDecision(RecordAction.SUBMIT, PASSWORD))
    replace_text(student_editor.fields[GOALS], "Run 5 km")

    assert student_editor.sign()

    [request] = answers.requests
    assert request.actions == (RecordAction.SUBMIT,)
    assert request.password_required  # several accounts: the signer types the password
    assert student_editor.session.read_only
    assert student_editor.banner.text() == (
        "Awaiting co-signature by a supervisor \u2014 submitted by Stu Student (REG-1)"
    )
    assert not student_editor.header.sign_button.isHidden()  # still to be co-signed

    supervisor_editor = open_editor(users[Role.SUPERVISOR])
    assert supervisor_editor.session.read_only
    answers = SignAnswers(monkeypatch, SignDecision(RecordAction.CO_SIGN, PASSWORD))

    assert supervisor_editor.sign()

    assert answers.requests[0].actions == (RecordAction.CO_SIGN, RecordAction.RETURN)
    assert answers.requests[0].submitted_by == "Stu Student (REG-1)"
    stored = services.assessments.load(supervisor_editor.session.assessment_id)
    assert stored.assessment.status is AssessmentStatus.SIGNED
    assert stored.assessment.history.goals == "Run 5 km"
    banner = supervisor_editor.banner.text()
    assert banner.startswith("Co-signed by Sam Supervisor (REG-1) (Supervisor) on ")
    assert banner.endswith("written by Stu Student (REG-1)")


def test_the_services_refuse_a_student_signing_and_a_wrong_password(
    qtbot, open_editor, users: dict[Role, User], services: Services, monkeypatch
) -> None:
    editor = open_editor(users[Role.STUDENT])
    answers = SignAnswers(
        monkeypatch,
        SignDecision(RecordAction.SIGN, PASSWORD),  # as if the button were offered
        SignDecision(RecordAction.SUBMIT, "not the password"),
        None,
    )

    assert not editor.sign()

    first, second, third = answers.requests
    assert first.error == ""
    assert "may not sign" in second.error and "co-signature" in second.error
    assert third.error.startswith("Password: not accepted for stu")
    assert services.assessments.load(editor.session.assessment_id).assessment.status is (
        AssessmentStatus.DRAFT
    )
    assert not editor.session.read_only


def test_a_supervisor_returns_a_note_for_changes_and_it_is_editable_again(
    qtbot, open_editor, users: dict[Role, User], services: Services, monkeypatch
) -> None:
    student = open_editor(users[Role.STUDENT])
    SignAnswers(monkeypatch, SignDecision(RecordAction.SUBMIT, PASSWORD))
    assert student.sign()
    supervisor = open_editor(users[Role.SUPERVISOR])
    SignAnswers(monkeypatch, SignDecision(RecordAction.RETURN, PASSWORD))

    assert supervisor.sign()

    assert not supervisor.session.read_only and supervisor.banner.text() == ""
    with qtbot.waitSignal(supervisor.session.savedAt, timeout=2000):
        replace_text(supervisor.fields[GOALS], "Squat pain-free")
    assert services.assessments.load(supervisor.session.assessment_id).assessment.history.goals == (
        "Squat pain-free"
    )


def test_without_a_login_several_users_cannot_sign(
    qtbot, open_editor, users: dict[Role, User], monkeypatch
) -> None:
    editor = open_editor(None)
    notices = Notices(monkeypatch)
    answers = SignAnswers(monkeypatch)

    assert not editor.sign()

    assert answers.requests == []
    [(title, text)] = notices.shown
    assert title == "Sign assessment" and "log in first" in text


def test_hint_decisions_and_plan_of_a_signed_note_cannot_be_changed(
    qtbot, clinic: DemoClinic, monkeypatch
) -> None:
    record = clinic.latest_assessment(1)
    editor = AssessmentEditor(clinic.services, clinic.patient(1), record)
    qtbot.addWidget(editor)
    editor.show()
    fired = editor.decision_support.evaluation.fired
    assert fired, "demo case 1 fires hints"
    SignAnswers(monkeypatch, SignDecision(RecordAction.SIGN))
    assert editor.sign()

    card = editor.hints_panel.card(fired[0].rule_id)
    accept = card.findChild(QPushButton, "accept")
    assert not accept.isEnabled()
    accept.click()  # a disabled button ignores it; the editor would refuse it anyway
    accepted = HintDecision(decision=HintDecisionKind.ACCEPTED)
    editor.session.set_hint_decision(fired[0].rule_id, accepted)
    editor.session.set_rehab_plan(None, "Regenerate plan from findings")
    assert editor.session.document == clinic.services.assessments.load(record.id).assessment
    assert editor.session.undo_stack.count() == 0
    assert not editor.plan_page.regenerate.isEnabled()
    assert not editor.plan_page.remove.isEnabled() and editor.plan_page.dose.isReadOnly()
