"""ConflictService on a real database: both ways out of a conflict need a role that edits
records, and a refusal keeps nothing and audits nothing."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.domain.patient import Patient, Sex
from clinic_app.domain.records.audit import EntityType
from clinic_app.domain.records.roles import PermissionDeniedError, Role, User
from clinic_app.domain.version_history import DISCARDED_IN_CONFLICT
from clinic_app.services.assessments import AssessmentService
from clinic_app.services.audit_trail import AuditService
from clinic_app.services.conflicts import ConflictService
from clinic_app.services.patients import PatientService
from clinic_app.services.ports import AssessmentRecord
from clinic_app.storage.database import Database

EDITING_ROLES = (Role.CLINICIAN, Role.STUDENT, Role.SUPERVISOR)


@pytest.fixture
def users(database: Database) -> dict[Role, User]:
    """One account per role; nobody logs in here, so no real password hash is needed."""
    with database.unit_of_work() as uow:
        added = {
            role: uow.users.add(User(role.value, role.label, role), "(no password)")
            for role in Role
        }
        uow.commit()
    return added


def a_draft(database: Database, editor: User) -> AssessmentRecord:
    patient_id = PatientService(database.unit_of_work).register(
        Patient(family_name="Nuñez", given_names="Zoë", date_of_birth=date(1994, 2, 28),
                sex=Sex.FEMALE),
        actor=editor,
    )
    return AssessmentService(database.unit_of_work).start(patient_id, date(2024, 5, 6),
                                                          actor=editor)


@pytest.mark.parametrize("resolve", ["keep_mine", "take_theirs"])
def test_an_administrator_may_not_resolve_a_conflict(
    database: Database, users: dict[Role, User], resolve: str
) -> None:
    draft = a_draft(database, users[Role.CLINICIAN])
    conflicts, audit = ConflictService(database.unit_of_work), AuditService(database.unit_of_work)
    logged = audit.entries_for(EntityType.ASSESSMENT, draft.id)
    with pytest.raises(PermissionDeniedError, match="may not edit assessments"):
        getattr(conflicts, resolve)(draft.id, draft.assessment, actor=users[Role.ADMINISTRATOR])
    assert conflicts.kept_versions(draft.id) == []
    assert audit.entries_for(EntityType.ASSESSMENT, draft.id) == logged


@pytest.mark.parametrize("role", EDITING_ROLES)
def test_a_role_that_edits_records_may_take_theirs(
    database: Database, users: dict[Role, User], role: Role
) -> None:
    draft = a_draft(database, users[role])
    conflicts = ConflictService(database.unit_of_work)
    mine = draft.assessment.model_copy(update={"referral": "mine"})
    adopted = conflicts.take_theirs(draft.id, mine, actor=users[role])
    assert adopted == AssessmentService(database.unit_of_work).load(draft.id)
    [kept] = conflicts.kept_versions(draft.id)
    assert (kept.reason, kept.kept_by, kept.assessment) == (
        DISCARDED_IN_CONFLICT, users[role].username, mine
    )
    entries = AuditService(database.unit_of_work).entries_for(EntityType.ASSESSMENT, draft.id)
    assert entries[-1].action == "conflict_took_theirs"
