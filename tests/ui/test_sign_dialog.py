"""The sign dialog: which buttons each role gets, what it says, and the password it asks for."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.fields import with_value
from clinic_app.domain.progress import section_progress
from clinic_app.domain.records.roles import Role, User
from clinic_app.ui.editor.signing_presenter import SECTION_TITLES
from clinic_app.ui.sign_dialog import (
    FINALITY_STATEMENT,
    RecordAction,
    SignDecision,
    SignDialog,
    SignRequest,
    actions_for,
)

DRAFT, AWAITING, SIGNED = (
    AssessmentStatus.DRAFT, AssessmentStatus.AWAITING_COSIGNATURE, AssessmentStatus.SIGNED,
)


def user(role: Role) -> User:
    return User(username=role.value[:4], display_name=f"A {role.label}", role=role)


@pytest.mark.parametrize(
    ("role", "status", "offered"),
    [
        (Role.CLINICIAN, DRAFT, (RecordAction.SIGN,)),
        (Role.SUPERVISOR, DRAFT, (RecordAction.SIGN,)),
        (Role.STUDENT, DRAFT, (RecordAction.SUBMIT,)),
        (Role.ADMINISTRATOR, DRAFT, ()),
        (Role.SUPERVISOR, AWAITING, (RecordAction.CO_SIGN, RecordAction.RETURN)),
        (Role.CLINICIAN, AWAITING, ()),
        (Role.STUDENT, AWAITING, ()),
        (Role.SUPERVISOR, SIGNED, ()),
    ],
)
def test_the_buttons_follow_the_role_and_the_status(
    role: Role, status: AssessmentStatus, offered: tuple[RecordAction, ...]
) -> None:
    assert actions_for(user(role), status) == offered


def request_for(role: Role, status: AssessmentStatus = DRAFT, *, password: bool = False,
                error: str = "") -> SignRequest:
    document = with_value(Assessment(assessment_date=date(2024, 6, 3)), ("history", "goals"),
                          "Run 5 km")
    return SignRequest(
        signer=user(role), patient="Nuñez, Zoë, born 1994-02-28",
        assessment="2024-06-03, draft (version 3)", status=status,
        progress=tuple(section_progress(document)), section_titles=SECTION_TITLES,
        password_required=password, submitted_by="Stu Student", error=error,
    )


def action_buttons(dialog: SignDialog) -> dict[str, QPushButton]:
    return {
        button.objectName(): button for button in dialog.buttons.buttons()
        if dialog.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.ActionRole
    }


def test_a_student_sees_submission_and_what_it_means(qtbot) -> None:
    dialog = SignDialog(request_for(Role.STUDENT))
    qtbot.addWidget(dialog)

    assert list(action_buttons(dialog)) == ["submitButton"]
    assert dialog.signer_label.text() == "A Student (Student)"
    assert dialog.statement.text() == FINALITY_STATEMENT
    assert "until a supervisor co-signs it" in dialog.explanation.text()
    assert dialog.completeness.text().startswith("0 of 8 exam sections complete; 1 of ")
    assert "History 1/" in dialog.completeness.text()
    assert dialog.password is None and dialog.error.isHidden()


def test_a_supervisor_co_signs_or_returns_and_a_clinician_may_not(qtbot) -> None:
    supervisor = SignDialog(request_for(Role.SUPERVISOR, AWAITING))
    clinician = SignDialog(request_for(Role.CLINICIAN, AWAITING))
    qtbot.addWidget(supervisor)
    qtbot.addWidget(clinician)

    assert list(action_buttons(supervisor)) == ["coSignButton", "returnButton"]
    assert "Submitted by Stu Student" in supervisor.explanation.text()
    assert action_buttons(clinician) == {}
    assert "may not co-sign" in clinician.explanation.text()
    cancel = clinician.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Close"


def test_the_password_is_required_before_a_choice_is_accepted(qtbot) -> None:
    dialog = SignDialog(request_for(Role.CLINICIAN, password=True, error="Password: no."))
    qtbot.addWidget(dialog)
    assert dialog.error.text() == "Password: no." and not dialog.error.isHidden()
    sign = action_buttons(dialog)["signButton"]

    sign.click()
    assert dialog.decision is None
    assert dialog.error.text() == "Password: enter the password of clin"

    dialog.password.setText("correct horse battery")
    sign.click()
    assert dialog.decision == SignDecision(RecordAction.SIGN, "correct horse battery")
    assert dialog.result() == SignDialog.DialogCode.Accepted
