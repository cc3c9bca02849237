"""Signing, co-signing and addenda of the open assessment's session: saves it, asks
through the dialogs, acts through the signing service, says why when the service
refuses, and continues the session on the stored record.

Roles are the services' business: a refusal (``PermissionDeniedError``) is shown in the
dialog, which stays open for another try; the buttons the dialog offers are a courtesy.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from clinic_app.domain.progress import section_progress
from clinic_app.domain.records.roles import LOCAL_USERNAME, PermissionDeniedError, Role, User
from clinic_app.domain.records.signature import Addendum, AddendumError, RecordTrail
from clinic_app.services.ports import (
    AssessmentRecord,
    NotFoundError,
    RecordLockedError,
    StaleWriteError,
)
from clinic_app.ui.editor.addendum_dialog import AddendumDialog
from clinic_app.ui.editor.record_notice import RecordNotice, sentence
from clinic_app.ui.editor.section_navigator import SECTION_TITLES
from clinic_app.ui.sign_dialog import RecordAction, SignDialog, SignRequest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from clinic_app.ui.editor.assessment_session import AssessmentSession
    from clinic_app.ui.services_port import UiServices

log = logging.getLogger(__name__)

SIGN_TITLE = "Sign assessment"
ADDENDUM_TITLE = "Add addendum"
STALE_SIGNATURE = (
    "Not signed: this assessment was changed on another workstation after this window "
    "last saved it. Close it and open it again to see and sign the current version."
)
WRITE_FAILED = "{outcome}: the database refused the write ({reason}). Please try again."
NOT_SIGNED_UNSAVED = (
    "Not signed: the latest changes could not be saved (see the status bar), and a note "
    "is only signed as it is stored."
)
ADDENDA_ARE_FOR_SIGNED = "Addenda are for signed notes: a draft is simply edited."


class SigningPresenter:
    def __init__(
        self, services: UiServices, session: AssessmentSession, parent: QWidget
    ) -> None:
        self._services = services
        self._session = session
        self._patient = session.patient_record.patient
        self._assessment_id = session.assessment_id
        self._actor = session.actor
        self._parent = parent

    def sign(self) -> bool:
        """Save, then ask to sign (submit, co-sign or return) the note; True when done."""
        session = self._session
        if not session.can_be_signed:
            return False
        if not session.flush():
            RecordNotice.show(self._parent, SIGN_TITLE, NOT_SIGNED_UNSAVED)
            return False
        if not session.can_be_signed:  # settling a conflict may have taken a signed version
            return False
        stored = self._sign_record(session.shown_record())
        if stored is None:
            return False
        session.adopt_record(stored)
        session.note_saved()
        return True

    def add_addendum(self, text: str = "") -> bool:
        """Ask for an addendum to the signed note (``text`` pre-filled); True when added."""
        session = self._session
        if not session.accepts_addenda:
            RecordNotice.show(self._parent, ADDENDUM_TITLE, ADDENDA_ARE_FOR_SIGNED)
            return False
        if self._ask_addendum(text) is None:
            return False
        session.addendaChanged.emit()
        session.note_saved()
        return True

    def signer(self) -> User | None:
        """Who signs: the logged-in user, else the installation's only user."""
        if self._actor is not None:
            return self._actor
        try:
            return self._services.users.default_actor()
        except PermissionDeniedError as error:  # several users and nobody logged in
            RecordNotice.show(self._parent, SIGN_TITLE, f"Not signed: {sentence(str(error))}")
            return None

    def role_of(self, username: str) -> Role | None:
        """The role of the user who signed (for the banner); None when unknown."""
        if username == LOCAL_USERNAME:
            return Role.CLINICIAN
        if self._actor is not None and self._actor.username == username:
            return self._actor.role
        try:
            users = self._services.users.list_users()
        except Exception:  # the role is a courtesy on the banner: never block the note
            log.exception("could not list the user accounts")
            return None
        return next((user.role for user in users if user.username == username), None)

    def _sign_record(self, record: AssessmentRecord) -> AssessmentRecord | None:
        """Ask, then sign / submit / co-sign / return ``record`` (the version on screen).

        The stored record afterwards, or None when cancelled or refused.
        """
        signer = self.signer()
        if signer is None:
            return None
        password_required = self._services.users.login_required()
        error = ""
        while True:
            request = self._request(record, signer, password_required, error)
            decision = SignDialog.ask(self._parent, request)
            if decision is None:
                return None
            if password_required and not self._password_matches(signer, decision.password):
                error = f"Password: not accepted for {signer.username}. Type it again."
                continue
            try:
                return self._perform(decision.action, record.version)
            except PermissionDeniedError as refused:  # the role, or nobody logged in
                error = f"Not signed: {sentence(str(refused))}"
            except StaleWriteError:
                RecordNotice.show(self._parent, SIGN_TITLE, STALE_SIGNATURE)
                return None
            except (RecordLockedError, NotFoundError) as refused:
                RecordNotice.show(self._parent, SIGN_TITLE, f"Not signed: {sentence(str(refused))}")
                return None
            except Exception as failure:
                log.exception("signing assessment %s failed", self._assessment_id)
                RecordNotice.show(self._parent, SIGN_TITLE, WRITE_FAILED.format(
                    outcome="Not signed", reason=type(failure).__name__))
                return None

    def _ask_addendum(self, text: str = "") -> Addendum | None:
        """Ask for an addendum (``text`` pre-filled) and add it; None when cancelled."""
        error = ""
        while True:
            written = AddendumDialog.ask(self._parent, text, error)
            if written is None:
                return None
            try:
                return self._services.signing.add_addendum(
                    self._assessment_id, written, self._actor
                )
            except AddendumError as refused:  # names the field: "addendum text is empty..."
                text, error = written, sentence(str(refused), capital=True)
            except PermissionDeniedError as refused:
                text, error = written, f"Not added: {sentence(str(refused))}"
            except (RecordLockedError, NotFoundError) as refused:
                RecordNotice.show(
                    self._parent, ADDENDUM_TITLE, f"Not added: {sentence(str(refused))}"
                )
                return None
            except Exception as failure:
                log.exception("adding an addendum to assessment %s failed", self._assessment_id)
                RecordNotice.show(self._parent, ADDENDUM_TITLE, WRITE_FAILED.format(
                    outcome="Not added", reason=type(failure).__name__))
                return None

    def trail(self) -> RecordTrail:
        """The signature and the addenda, oldest first."""
        return self._services.signing.trail(self._assessment_id)

    # -- steps --------------------------------------------------------------------------

    def _request(
        self, record: AssessmentRecord, signer: User, password_required: bool, error: str
    ) -> SignRequest:
        document = record.assessment
        patient = self._patient
        submission = record.submission
        return SignRequest(
            signer=signer,
            patient=f"{patient.display_name}, born {patient.date_of_birth.isoformat()}",
            assessment=(
                f"{document.assessment_date.isoformat()}, {document.status.label.lower()} "
                f"(version {record.version})"
            ),
            status=document.status,
            progress=tuple(section_progress(document)),
            section_titles=SECTION_TITLES,
            password_required=password_required,
            submitted_by=submission.submitter_name if submission else None,
            error=error,
        )

    def _password_matches(self, signer: User, password: str) -> bool:
        try:
            self._services.users.authenticate(signer.username, password)
        except PermissionDeniedError:
            log.info("signing refused: password not accepted")
            return False
        return True

    def _perform(self, action: RecordAction, version: int) -> AssessmentRecord:
        signing = self._services.signing
        assessment_id, actor = self._assessment_id, self._actor
        if action is RecordAction.SUBMIT:
            return signing.submit_for_co_signature(assessment_id, actor, expected_version=version)
        if action is RecordAction.RETURN:
            return signing.return_for_changes(assessment_id, actor)
        # A supervisor's "sign" of a note awaiting co-signature co-signs it.
        return signing.sign(assessment_id, actor, expected_version=version)
