"""Several workstations on one database: conflicts, change detection, drafts after a crash."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clinic_app.app import Services, build_services
from clinic_app.domain.version_history import DISCARDED_IN_CONFLICT, SUPERSEDED_BY_CONFLICT
from clinic_app.services.ports import RecordLockedError, StaleWriteError
from clinic_app.storage.database import Database
from tests.records.helpers import clinic_users, started_draft


@pytest.fixture
def two_workstations(database_url: str) -> Iterator[tuple[Services, Services]]:
    """Two independently opened databases (own engines and pools) on the same data."""
    first, second = Database.open(database_url), Database.open(database_url)
    try:
        yield build_services(first), build_services(second)
    finally:
        first.close()
        second.close()


def test_the_later_save_is_refused_and_keep_mine_loses_nothing(
    two_workstations: tuple[Services, Services],
) -> None:
    desk, ward = two_workstations
    draft = started_draft(desk)
    on_ward = ward.assessments.load(draft.id)
    desk_doc = draft.assessment.model_copy(update={"referral": "from the desk"})
    ward_doc = on_ward.assessment.model_copy(update={"referral": "from the ward"})

    desk.assessments.save_draft(draft.id, desk_doc, draft.version)
    with pytest.raises(StaleWriteError):
        ward.assessments.save_draft(draft.id, ward_doc, on_ward.version)

    theirs = ward.conflicts.theirs(draft.id)
    assert theirs.assessment.referral == "from the desk"
    assert theirs.version == draft.version + 1
    kept = ward.conflicts.keep_mine(draft.id, ward_doc)
    assert kept.version == theirs.version + 1
    assert desk.assessments.load(draft.id).assessment.referral == "from the ward"
    [superseded] = desk.conflicts.kept_versions(draft.id)
    assert superseded.reason == SUPERSEDED_BY_CONFLICT
    assert superseded.assessment.referral == "from the desk"
    assert superseded.version == theirs.version
    assert "conflict_kept_mine" in [e.action for e in desk.audit.entries_for(
        *_assessment(draft.id))]


def test_take_theirs_keeps_mine_aside(two_workstations: tuple[Services, Services]) -> None:
    desk, ward = two_workstations
    draft = started_draft(desk)
    stale = ward.assessments.load(draft.id)
    desk.assessments.save_draft(
        draft.id, draft.assessment.model_copy(update={"referral": "desk"}), draft.version
    )
    mine = stale.assessment.model_copy(update={"referral": "ward"})
    with pytest.raises(StaleWriteError):
        ward.assessments.save_draft(draft.id, mine, stale.version)

    adopted = ward.conflicts.take_theirs(draft.id, mine)
    assert adopted.assessment.referral == "desk"
    # The adopted version is current: the ward keeps editing from it.
    ward.assessments.save_draft(draft.id, adopted.assessment, adopted.version)
    [discarded] = ward.conflicts.kept_versions(draft.id)
    assert discarded.reason == DISCARDED_IN_CONFLICT and discarded.assessment.referral == "ward"


def test_keep_mine_after_the_other_signed_is_refused(
    two_workstations: tuple[Services, Services],
) -> None:
    desk, ward = two_workstations
    draft = started_draft(desk)
    desk.signing.sign(draft.id, None)
    with pytest.raises(RecordLockedError):
        ward.conflicts.keep_mine(draft.id, draft.assessment)


def test_the_change_token_moves_with_every_change_elsewhere(
    two_workstations: tuple[Services, Services],
) -> None:
    desk, ward = two_workstations
    tokens = [ward.changes.token()]
    draft = started_draft(desk)
    tokens.append(ward.changes.token())
    assert ward.changes.token() == tokens[-1]  # stable while nothing changes
    desk.assessments.save_draft(draft.id, draft.assessment, draft.version)
    tokens.append(ward.changes.token())
    desk.assessments.delete_draft(draft.id)
    tokens.append(ward.changes.token())
    desk.patients.update(draft.patient_id, desk.patients.get(draft.patient_id).patient)
    tokens.append(ward.changes.token())
    assert len(set(tokens)) == len(tokens)


def test_drafts_of_a_user_survive_for_reopening(services: Services) -> None:
    users = clinic_users(services)
    from clinic_app.domain.records.roles import Role

    cleo, stu = users[Role.CLINICIAN], users[Role.STUDENT]
    mine = started_draft(services, cleo)
    theirs = started_draft(services, stu)
    signed = started_draft(services, cleo)
    services.signing.sign(signed.id, cleo)
    assert [d.id for d in services.assessments.drafts_of(cleo)] == [mine.id]
    assert [d.id for d in services.assessments.drafts_of(stu)] == [theirs.id]


def _assessment(assessment_id: int) -> tuple:
    from clinic_app.domain.records.audit import EntityType

    return EntityType.ASSESSMENT, assessment_id
