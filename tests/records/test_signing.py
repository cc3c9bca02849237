"""Signing makes an assessment final: refused by the services and by the database itself."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy.exc import DBAPIError

from clinic_app.app import Services
from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.decision import RULE_SET_VERSION, stamp_rule_set_version
from clinic_app.domain.records.canonical import signed_content
from clinic_app.domain.records.signature import AddendumError
from clinic_app.services.ports import RecordLockedError
from clinic_app.storage.database import Database
from tests.records.helpers import a_patient, execute, scalar, started_draft


def test_signing_stores_the_sha256_of_the_canonical_content(services: Services) -> None:
    draft = started_draft(services)
    signed = services.signing.sign(draft.id, None, expected_version=draft.version)

    stored = services.assessments.load(draft.id)
    assert stored.assessment.status is AssessmentStatus.SIGNED
    signature = stored.signature
    assert signature is not None and signature == signed.signature
    content = signed_content(
        stamp_rule_set_version(draft.assessment), draft.patient_id, a_patient(),
        signature.signed_by,
        signature.signed_at,
    )
    assert hashlib.sha256(content).hexdigest() == signature.content_hash
    assert b'"status":"signed"' in content and b": " not in content  # canonical, compact
    assert stored.assessment.rule_set_version == RULE_SET_VERSION  # the rules the signer saw


def test_a_signed_assessment_refuses_every_write_through_the_services(
    services: Services,
) -> None:
    draft = started_draft(services)
    signed = services.signing.sign(draft.id, None)
    changed = signed.assessment.model_copy(
        update={"referral": "changed later", "status": AssessmentStatus.DRAFT}
    )
    with pytest.raises(RecordLockedError, match="signed"):
        services.assessments.save_draft(draft.id, changed, signed.version)
    with pytest.raises(RecordLockedError):
        services.assessments.delete_draft(draft.id)
    with pytest.raises(RecordLockedError):
        services.conflicts.keep_mine(draft.id, changed)
    with pytest.raises(RecordLockedError):
        services.signing.sign(draft.id, None)
    assert services.assessments.load(draft.id).assessment.referral == "none needed"


def test_a_signed_row_refuses_raw_sql_update_and_delete(
    services: Services, database: Database
) -> None:
    draft = started_draft(services)
    services.signing.sign(draft.id, None)
    before = scalar(database, "SELECT document FROM assessments WHERE id = :id", id=draft.id)

    with pytest.raises(DBAPIError, match="signed"):
        execute(database, "UPDATE assessments SET document = '{}' WHERE id = :id", id=draft.id)
    with pytest.raises(DBAPIError, match="signed"):
        execute(database, "UPDATE assessments SET status = 'draft' WHERE id = :id", id=draft.id)
    with pytest.raises(DBAPIError, match="signed"):
        execute(database, "DELETE FROM assessments WHERE id = :id", id=draft.id)

    assert scalar(database, "SELECT document FROM assessments WHERE id = :id",
                  id=draft.id) == before
    assert scalar(database, "SELECT status FROM assessments WHERE id = :id",
                  id=draft.id) == "signed"


def test_raw_sql_cannot_mark_a_row_signed_without_a_signature(
    services: Services, database: Database
) -> None:
    draft = started_draft(services)
    with pytest.raises(DBAPIError, match="content hash"):
        execute(database, "UPDATE assessments SET status = 'signed' WHERE id = :id", id=draft.id)


def test_raw_sql_cannot_insert_a_row_claiming_to_be_signed(
    services: Services, database: Database
) -> None:
    draft = started_draft(services)
    copy_as_signed = (
        "INSERT INTO assessments (patient_id, assessment_date, clinician, status, "
        "schema_version, version, document, created_at, updated_at) "
        "SELECT patient_id, assessment_date, clinician, 'signed', schema_version, version, "
        "document, created_at, updated_at FROM assessments WHERE id = :id"
    )
    with pytest.raises(DBAPIError, match="content hash"):
        execute(database, copy_as_signed, id=draft.id)
    assert scalar(database, "SELECT count(*) FROM assessments") == 1


def test_drafts_stay_editable_and_deletable_by_sql(services: Services, database: Database) -> None:
    draft = started_draft(services)
    execute(database, "UPDATE assessments SET clinician = 'B' WHERE id = :id", id=draft.id)
    execute(database, "DELETE FROM assessments WHERE id = :id", id=draft.id)
    assert scalar(database, "SELECT count(*) FROM assessments") == 0


def test_addenda_are_appended_and_shown_in_the_trail(services: Services) -> None:
    draft = started_draft(services)
    services.signing.sign(draft.id, None)
    first = services.signing.add_addendum(draft.id, "  Left knee, not right.  ", None)
    second = services.signing.add_addendum(draft.id, "Patient called: pain 3/10.", None)

    trail = services.signing.trail(draft.id)
    assert trail.signature is not None
    assert [a.text for a in trail.addenda] == [
        "Left knee, not right.", "Patient called: pain 3/10.",
    ]
    assert [a.id for a in trail.addenda] == [first.id, second.id]
    assert first.author == "(local)" and first.created_at.tzinfo is not None


def test_addenda_refuse_raw_sql_update_and_delete(services: Services, database: Database) -> None:
    draft = started_draft(services)
    services.signing.sign(draft.id, None)
    addendum = services.signing.add_addendum(draft.id, "correction", None)
    with pytest.raises(DBAPIError, match="append-only"):
        execute(database, "UPDATE addenda SET text = 'rewritten' WHERE id = :id", id=addendum.id)
    with pytest.raises(DBAPIError, match="append-only"):
        execute(database, "DELETE FROM addenda WHERE id = :id", id=addendum.id)
    assert services.signing.trail(draft.id).addenda[0].text == "correction"


def test_addenda_are_for_signed_notes_and_need_text(services: Services) -> None:
    draft = started_draft(services)
    with pytest.raises(AddendumError, match="not signed"):
        services.signing.add_addendum(draft.id, "too early", None)
    services.signing.sign(draft.id, None)
    with pytest.raises(AddendumError, match="empty"):
        services.signing.add_addendum(draft.id, "   ", None)


def test_delete_draft_removes_only_drafts(services: Services) -> None:
    draft = started_draft(services)
    services.assessments.delete_draft(draft.id)
    assert services.assessments.for_patient(draft.patient_id) == []
