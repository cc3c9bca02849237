"""Users and roles, enforced in the services."""

from __future__ import annotations

import pytest

from clinic_app.app import Services
from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.records.accounts import AccountError
from clinic_app.domain.records.roles import LOCAL_USER, PermissionDeniedError, Role, User
from clinic_app.services.ports import LoginRequiredError, RecordLockedError
from clinic_app.services.users import AuthenticationError
from tests.records.helpers import PASSWORD, clinic_users, started_draft


def test_no_login_with_zero_or_one_user(services: Services) -> None:
    assert not services.users.login_required()
    assert services.users.default_actor() == LOCAL_USER
    owner = services.users.add_user(None, "owner", "Olga Owner", Role.CLINICIAN, PASSWORD)
    assert not services.users.login_required()
    assert services.users.default_actor() == owner
    draft = started_draft(services)  # no actor given: the only user acts
    assert services.signing.sign(draft.id, None).signature.signed_by == "owner"


def test_several_users_require_a_login(services: Services) -> None:
    users = clinic_users(services)
    assert services.users.login_required()
    with pytest.raises(LoginRequiredError):
        services.users.default_actor()
    with pytest.raises(LoginRequiredError):
        started_draft(services)
    assert started_draft(services, users[Role.CLINICIAN]).id > 0


def test_authentication(services: Services) -> None:
    users = clinic_users(services)
    assert services.users.authenticate("cleo", PASSWORD) == users[Role.CLINICIAN]
    with pytest.raises(AuthenticationError):
        services.users.authenticate("cleo", "wrong password")
    with pytest.raises(AuthenticationError):
        services.users.authenticate("nobody", PASSWORD)


def test_passwords_are_stored_as_argon2_hashes(services: Services, database) -> None:
    from tests.records.helpers import scalar

    clinic_users(services)
    stored = str(scalar(database, "SELECT password_hash FROM users WHERE username = 'cleo'"))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_a_clinician_signs(services: Services) -> None:
    users = clinic_users(services)
    draft = started_draft(services, users[Role.CLINICIAN])
    signed = services.signing.sign(draft.id, users[Role.CLINICIAN])
    assert signed.assessment.status is AssessmentStatus.SIGNED
    assert signed.signature.signer_name == "Cleo Clinician (REG-1)"


def test_a_student_cannot_sign_and_a_supervisor_co_signs(services: Services) -> None:
    users = clinic_users(services)
    student, supervisor = users[Role.STUDENT], users[Role.SUPERVISOR]
    draft = started_draft(services, student)
    with pytest.raises(PermissionDeniedError, match="student"):
        services.signing.sign(draft.id, student)

    submitted = services.signing.submit_for_co_signature(draft.id, student)
    assert submitted.assessment.status is AssessmentStatus.AWAITING_COSIGNATURE
    with pytest.raises(RecordLockedError, match="co-sign"):
        services.assessments.save_draft(
            draft.id, draft.assessment, submitted.version, actor=student
        )
    with pytest.raises(PermissionDeniedError):
        services.signing.co_sign(draft.id, users[Role.CLINICIAN])
    with pytest.raises(PermissionDeniedError):
        services.signing.co_sign(draft.id, student)

    signed = services.signing.co_sign(draft.id, supervisor)
    assert signed.assessment.status is AssessmentStatus.SIGNED
    assert signed.signature.signed_by == "sam"
    assert signed.signature.submitted_by == "stu"
    assert services.assessments.load(draft.id).signature == signed.signature


def test_a_supervisor_can_return_a_students_note(services: Services) -> None:
    users = clinic_users(services)
    draft = started_draft(services, users[Role.STUDENT])
    services.signing.submit_for_co_signature(draft.id, users[Role.STUDENT])
    returned = services.signing.return_for_changes(draft.id, users[Role.SUPERVISOR])
    assert returned.assessment.status is AssessmentStatus.DRAFT
    services.assessments.save_draft(
        draft.id, returned.assessment, returned.version, actor=users[Role.STUDENT]
    )


def test_administrators_manage_users_and_others_cannot(services: Services) -> None:
    users = clinic_users(services)
    with pytest.raises(PermissionDeniedError):
        services.users.add_user(users[Role.CLINICIAN], "eve", "Eve", Role.ADMINISTRATOR, PASSWORD)
    with pytest.raises(PermissionDeniedError):
        services.users.set_password(users[Role.CLINICIAN], "stu", "new password 1")
    services.users.set_password(users[Role.CLINICIAN], "cleo", "my new password")
    services.users.set_password(users[Role.ADMINISTRATOR], "stu", "new password 1")
    assert services.users.authenticate("stu", "new password 1") == users[Role.STUDENT]
    assert {user.username for user in services.users.list_users()} == {
        "admin", "cleo", "stu", "sam",
    }


def test_administrators_do_not_edit_records(services: Services) -> None:
    users = clinic_users(services)
    with pytest.raises(PermissionDeniedError):
        started_draft(services, users[Role.ADMINISTRATOR])


def test_a_second_account_needs_an_administrator(services: Services) -> None:
    owner = services.users.add_user(None, "owner", "Olga Owner", Role.CLINICIAN, PASSWORD)
    with pytest.raises(PermissionDeniedError, match="administrator"):
        services.users.add_user(owner, "stu", "Stu", Role.STUDENT, PASSWORD)
    services.users.add_user(owner, "admin", "Ada", Role.ADMINISTRATOR, PASSWORD)
    assert services.users.login_required()


def test_unknown_or_forged_actors_are_refused(services: Services) -> None:
    clinic_users(services)
    forged = User(username="mallory", display_name="M", role=Role.ADMINISTRATOR)
    with pytest.raises(PermissionDeniedError, match="mallory"):
        services.users.add_user(forged, "x1", "X", Role.CLINICIAN, PASSWORD)
    promoted = User(username="stu", display_name="Stu", role=Role.SUPERVISOR)
    draft = started_draft(services, promoted)  # the stored role (student) applies
    with pytest.raises(PermissionDeniedError):
        services.signing.sign(draft.id, promoted)


def test_bad_account_input_names_the_field(services: Services) -> None:
    with pytest.raises(AccountError, match="username 'Bad Name'"):
        services.users.add_user(None, "Bad Name", "X", Role.CLINICIAN, PASSWORD)
    with pytest.raises(AccountError, match="password is too short"):
        services.users.add_user(None, "okname", "X", Role.CLINICIAN, "short")
    services.users.add_user(None, "okname", "X", Role.ADMINISTRATOR, PASSWORD)
    with pytest.raises(AccountError, match="taken"):
        services.users.add_user(None, "okname", "Y", Role.CLINICIAN, PASSWORD)
