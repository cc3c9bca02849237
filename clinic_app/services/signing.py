"""Signing, co-signing and addenda: how a note becomes final and how it is corrected.

* A clinician or supervisor signs a draft: it becomes read-only (services and
  database triggers), with the SHA-256 of its canonical content (which includes a
  snapshot of the patient), the signer and time; the signing audit entry carries the
  content hash and signer, so verify can tie the note to its keyed entry.
* A student cannot sign: ``submit_for_co_signature`` makes the draft read-only and
  "awaiting co-signature"; a supervisor then ``co_sign``s it (or returns it).
* A signed note is corrected by addenda only, which are append-only; each addendum's
  audit entry carries its id and a digest of its text, author and time.
"""

from __future__ import annotations

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.decision import stamp_rule_set_version
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.canonical import content_hash
from clinic_app.domain.records.keyed import addendum_detail, signing_detail
from clinic_app.domain.records.roles import (
    PermissionDeniedError,
    User,
    may_co_sign,
    may_sign,
    needs_co_signature,
    require,
)
from clinic_app.domain.records.signature import (
    Addendum,
    AddendumError,
    RecordTrail,
    Signature,
    check_addendum_text,
)
from clinic_app.services.actors import audit, resolve_actor, resolve_editor
from clinic_app.services.ports import (
    AssessmentRecord,
    Clock,
    RecordLockedError,
    StaleWriteError,
    UnitOfWork,
    UnitOfWorkFactory,
    utc_now,
)


class SigningService:
    def __init__(self, unit_of_work: UnitOfWorkFactory, now: Clock = utc_now) -> None:
        self._uow = unit_of_work
        self._now = now

    def sign(
        self, assessment_id: int, user: User | None, expected_version: int | None = None
    ) -> AssessmentRecord:
        """Sign the stored draft. ``expected_version`` (the version the signer saw) makes
        signing refuse with ``StaleWriteError`` if another workstation saved since.

        A student is refused (``PermissionDeniedError``): use ``submit_for_co_signature``.
        A supervisor signing a note awaiting co-signature co-signs it.
        """
        with self._uow() as uow:
            signer = resolve_actor(uow, user)
            current = _current(uow, assessment_id, expected_version)
            if current.assessment.status is AssessmentStatus.AWAITING_COSIGNATURE:
                return self._co_sign(uow, signer, current)
            if needs_co_signature(signer.role):
                raise PermissionDeniedError(
                    f"{signer.username} (student) may not sign: submit the note for a "
                    "supervisor's co-signature"
                )
            require(may_sign(signer.role), signer, "sign assessments")
            _require_status(current, AssessmentStatus.DRAFT)
            signed = self._seal(uow, current, signer)
            uow.commit()
            return signed

    def submit_for_co_signature(
        self, assessment_id: int, student: User | None, expected_version: int | None = None
    ) -> AssessmentRecord:
        """A student's draft becomes read-only, awaiting a supervisor."""
        with self._uow() as uow:
            acting = resolve_actor(uow, student)
            require(needs_co_signature(acting.role), acting, "submit for co-signature "
                    "(only students' notes need one; sign instead)")
            current = _current(uow, assessment_id, expected_version)
            _require_status(current, AssessmentStatus.DRAFT)
            record = uow.assessments.mark_submitted(
                assessment_id, current.assessment, current.version, acting
            )
            audit(uow, acting, AuditAction.SUBMITTED, EntityType.ASSESSMENT, assessment_id)
            uow.commit()
            return record

    def co_sign(self, assessment_id: int, supervisor: User | None) -> AssessmentRecord:
        with self._uow() as uow:
            acting = resolve_actor(uow, supervisor)
            current = _current(uow, assessment_id, None)
            return self._co_sign(uow, acting, current)

    def return_for_changes(self, assessment_id: int, supervisor: User | None) -> AssessmentRecord:
        """A supervisor sends a student's submitted note back to draft."""
        with self._uow() as uow:
            acting = resolve_actor(uow, supervisor)
            require(may_co_sign(acting.role), acting, "return a student's note")
            current = _current(uow, assessment_id, None)
            _require_status(current, AssessmentStatus.AWAITING_COSIGNATURE)
            record = uow.assessments.return_to_draft(assessment_id, current.version)
            audit(uow, acting, AuditAction.CHANGED, EntityType.ASSESSMENT, assessment_id)
            uow.commit()
            return record

    def add_addendum(self, assessment_id: int, text: str, author: User | None) -> Addendum:
        """Append a correction to a signed note (drafts are simply edited)."""
        cleaned = check_addendum_text(text)
        with self._uow() as uow:
            acting = resolve_editor(uow, author, "add addenda")
            current = uow.assessments.get(assessment_id)
            if current.assessment.status is not AssessmentStatus.SIGNED:
                raise AddendumError(
                    f"assessment {assessment_id} is not signed "
                    f"({current.assessment.status.label.lower()}): addenda are for signed notes"
                )
            addendum = uow.addenda.add(assessment_id, cleaned, acting)
            audit(uow, acting, AuditAction.ADDENDUM, EntityType.ASSESSMENT, assessment_id,
                  addendum_detail(addendum))
            uow.commit()
            return addendum

    def trail(self, assessment_id: int) -> RecordTrail:
        """The signature (None for a draft) and the addenda, oldest first, for the note."""
        with self._uow() as uow:
            record = uow.assessments.get(assessment_id)
            return RecordTrail(
                record.signature, tuple(uow.addenda.for_assessment(assessment_id))
            )

    def _co_sign(
        self, uow: UnitOfWork, acting: User, current: AssessmentRecord
    ) -> AssessmentRecord:
        require(may_co_sign(acting.role), acting, "co-sign a student's note")
        _require_status(current, AssessmentStatus.AWAITING_COSIGNATURE)
        signed = self._seal(uow, current, acting)
        uow.commit()
        return signed

    def _seal(
        self, uow: UnitOfWork, current: AssessmentRecord, signer: User
    ) -> AssessmentRecord:
        """Sign ``current`` as it stands (a draft, or a student's note awaiting co-signature)."""
        signed_at = self._now()
        from_status = current.assessment.status
        co_signing = from_status is AssessmentStatus.AWAITING_COSIGNATURE
        submission = current.submission if co_signing else None
        submitted_by = submission.submitted_by if submission else None
        document = stamp_rule_set_version(current.assessment)  # what the signer saw
        patient = uow.patients.get(current.patient_id).patient  # as the note shows them now
        digest = content_hash(
            document, current.patient_id, patient, signer.username, signed_at, submitted_by
        )
        signature = Signature(
            signed_by=signer.username, signer_name=signer.signature_name, signed_at=signed_at,
            content_hash=digest, submitted_by=submitted_by,
            submitter_name=submission.submitter_name if submission else None,
        )
        record = uow.assessments.mark_signed(
            current.id, document, current.version, signature, from_status, patient
        )
        action = AuditAction.CO_SIGNED if co_signing else AuditAction.SIGNED
        audit(uow, signer, action, EntityType.ASSESSMENT, current.id,
              signing_detail(digest, signer.username))
        return record


def _current(uow: UnitOfWork, assessment_id: int, expected_version: int | None) -> AssessmentRecord:
    current = uow.assessments.get(assessment_id)
    if expected_version is not None and current.version != expected_version:
        raise StaleWriteError(assessment_id, expected_version)
    return current


def _require_status(record: AssessmentRecord, status: AssessmentStatus) -> None:
    if record.assessment.status is not status:
        if record.assessment.status is AssessmentStatus.DRAFT:
            raise PermissionDeniedError(
                f"assessment {record.id} is a draft: a student must submit it first"
            )
        raise RecordLockedError(record.id, record.assessment.status)
