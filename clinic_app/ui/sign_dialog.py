"""The sign dialog: who signs which assessment, how complete it is, and what signing means.

The dialog only asks. The editor's ``SigningPresenter`` checks the password and calls
the signing service, which enforces the roles (the buttons offered here only spare
people a refusal; they are not the protection).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.progress import SectionProgress
from clinic_app.domain.records.roles import (
    User,
    may_co_sign,
    may_sign,
    needs_co_signature,
)

FINALITY_STATEMENT = (
    "A signed note can no longer be changed. Corrections and later remarks are added "
    "as addenda, which are kept with the note and its signature."
)
ERROR_STYLE = "color: #b00020;"
DIALOG_WIDTH = 600
STATEMENT_STYLE = (
    "#signStatement { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 4px; }"
    "#signStatement QLabel { color: #4d3800; }"
)


class RecordAction(Enum):
    """What the signer may do to the note; the value is the button's text."""

    SIGN = "&Sign"
    SUBMIT = "S&ubmit for co-signature"
    CO_SIGN = "&Co-sign"
    RETURN = "&Return for changes"

    @property
    def object_name(self) -> str:
        return {
            RecordAction.SIGN: "signButton",
            RecordAction.SUBMIT: "submitButton",
            RecordAction.CO_SIGN: "coSignButton",
            RecordAction.RETURN: "returnButton",
        }[self]


def actions_for(signer: User, status: AssessmentStatus) -> tuple[RecordAction, ...]:
    """The buttons to offer: by the signer's role and the note's status."""
    if status is AssessmentStatus.DRAFT:
        if needs_co_signature(signer.role):
            return (RecordAction.SUBMIT,)
        return (RecordAction.SIGN,) if may_sign(signer.role) else ()
    if status is AssessmentStatus.AWAITING_COSIGNATURE and may_co_sign(signer.role):
        return (RecordAction.CO_SIGN, RecordAction.RETURN)
    return ()


def completeness_text(
    progress: tuple[SectionProgress, ...], titles: Mapping[str, str]
) -> str:
    """How much of the exam is recorded, naming the sections that are not complete."""
    recorded = sum(entry.recorded for entry in progress)
    total = sum(entry.total for entry in progress)
    incomplete = [entry for entry in progress if entry.state != "complete"]
    complete = len(progress) - len(incomplete)
    summary = (
        f"{complete} of {len(progress)} exam sections complete; "
        f"{recorded} of {total} findings recorded."
    )
    if not incomplete:
        return summary
    listed = ", ".join(
        f"{titles.get(entry.section, entry.section)} {entry.recorded}/{entry.total}"
        for entry in incomplete
    )
    return f"{summary}\nIncomplete: {listed}."


@dataclass(frozen=True)
class SignRequest:
    """Everything the dialog shows; ``error`` is the refusal of the previous attempt."""

    signer: User
    patient: str
    assessment: str
    status: AssessmentStatus
    progress: tuple[SectionProgress, ...]
    section_titles: Mapping[str, str]
    password_required: bool
    submitted_by: str | None = None
    error: str = ""

    @property
    def actions(self) -> tuple[RecordAction, ...]:
        return actions_for(self.signer, self.status)

    @property
    def completeness(self) -> str:
        return completeness_text(self.progress, self.section_titles)

    def explanation(self) -> str:
        """What pressing the offered buttons does, or why none are offered."""
        actions = self.actions
        role = self.signer.role.value
        if RecordAction.SUBMIT in actions:
            return (
                "Students' notes are co-signed: once submitted, this note is read-only "
                "until a supervisor co-signs it or returns it to you for changes."
            )
        if RecordAction.CO_SIGN in actions:
            return (
                f"Submitted by {self.submitted_by or 'a student'}. Co-signing makes it final; "
                "returning it makes it a draft the student can change again."
            )
        if RecordAction.SIGN in actions:
            return "Signing stores who signed, when, and a SHA-256 fingerprint of the content."
        if self.status is AssessmentStatus.AWAITING_COSIGNATURE:
            return (
                f"This note awaits a supervisor's co-signature; your role ({role}) may not "
                "co-sign it."
            )
        return f"Your role ({role}) may not sign assessments."


@dataclass(frozen=True)
class SignDecision:
    action: RecordAction
    password: str = ""


def signer_text(user: User) -> str:
    return f"{user.signature_name} ({user.role.label})"


class SignDialog(QDialog):
    def __init__(self, request: SignRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle("Sign assessment")
        self.request = request
        self.decision: SignDecision | None = None

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.signer_label = _value_label(signer_text(request.signer), "signerLabel", bold=True)
        form.addRow("Signing as:", self.signer_label)
        form.addRow("Patient:", _value_label(request.patient, "signPatientLabel"))
        form.addRow("Assessment:", _value_label(request.assessment, "signAssessmentLabel"))
        self.completeness = _value_label(request.completeness, "completenessLabel")
        form.addRow("Completeness:", self.completeness)

        statement = QFrame(self)
        statement.setObjectName("signStatement")
        statement.setStyleSheet(STATEMENT_STYLE)
        statement_layout = QVBoxLayout(statement)
        self.statement = _value_label(FINALITY_STATEMENT, "finalityStatement", bold=True)
        self.explanation = _value_label(request.explanation(), "signExplanation")
        statement_layout.addWidget(self.statement)
        statement_layout.addWidget(self.explanation)

        self.password: QLineEdit | None = None
        password_form = QFormLayout()
        if request.password_required and request.actions:
            self.password = QLineEdit(self)
            self.password.setObjectName("signPasswordEdit")
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setAccessibleName("Password")
            label = QLabel(f"&Password of {request.signer.username}:", self)
            label.setBuddy(self.password)
            password_form.addRow(label, self.password)

        self.error = _value_label(request.error, "signError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(bool(request.error))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.action_buttons: dict[RecordAction, QPushButton] = {}
        for action in request.actions:
            button = self.buttons.addButton(action.value, QDialogButtonBox.ButtonRole.ActionRole)
            button.setObjectName(action.object_name)
            button.clicked.connect(lambda _=False, chosen=action: self._choose(chosen))
            self.action_buttons[action] = button
        if request.actions:
            self.action_buttons[request.actions[0]].setDefault(True)
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(statement)
        layout.addLayout(password_form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(DIALOG_WIDTH)
        # The size hint is computed for a narrower width: the wrapped labels need less height.
        self.resize(DIALOG_WIDTH, self.heightForWidth(DIALOG_WIDTH))
        if self.password is not None:
            self.password.setFocus()

    def _choose(self, action: RecordAction) -> None:
        password = self.password.text() if self.password is not None else ""
        if self.password is not None and not password:
            self.error.setText(f"Password: enter the password of {self.request.signer.username}")
            self.error.show()
            self.password.setFocus()
            return
        self.decision = SignDecision(action, password)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, request: SignRequest) -> SignDecision | None:
        """Show the dialog; the chosen action (and password), None when cancelled."""
        dialog = cls(request, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.decision if accepted else None
        finally:
            dialog.deleteLater()


def _value_label(text: str, name: str, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    return label
