"""Users and roles, enforced in the services."""

from __future__ import annotations

import pytest

from clinic_app.app import Services
from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.records.accounts import AccountError
from clinic_app.domain.records.audit import EntityType
from clinic_app.domain.records.roles import (
    LOCAL_USERNAME,
    PermissionDeniedError,
    Role,
    User,
    is_local,
)
from clinic_app.services.ports import LoginRequiredError, RecordLockedError
from clinic_app.services.users import AuthenticationError, Credentials
from tests.records.helpers import ADMIN, PASSWORD, clinic_users, started_draft


def test_no_login_with_zero_or_one_user(services: Services) -> None:
    assert not services.users.login_required()
    assert is_local(services.users.default_actor())
    draft = started_draft(services)  # no account at all: the installation's clinician acts
    assert services.signing.sign(draft.id, None).signature.signed_by == LOCAL_USERNAME
    admin = services.users.add_user(None, "admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD)
    assert not services.users.login_required()
    assert services.users.default_actor() == admin


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
    cleo = Credentials("cleo", PASSWORD)
    with pytest.raises(PermissionDeniedError, match="cleo \\(clinician\\) may not add"):
        services.users.add_user(cleo, "eve", "Eve", Role.ADMINISTRATOR, PASSWORD)
    with pytest.raises(PermissionDeniedError):
        services.users.set_password(cleo, "stu", "new password 1")
    services.users.set_password(cleo, "cleo", "my new password")
    services.users.set_password(ADMIN, "stu", "new password 1")
    assert services.users.authenticate("stu", "new password 1") == users[Role.STUDENT]
    assert {user.username for user in services.users.list_users()} == {
        "admin", "cleo", "stu", "sam",
    }


def test_administrators_do_not_edit_records(services: Services) -> None:
    users = clinic_users(services)
    with pytest.raises(PermissionDeniedError):
        started_draft(services, users[Role.ADMINISTRATOR])


@pytest.mark.parametrize("role", [Role.CLINICIAN, Role.STUDENT, Role.SUPERVISOR])
def test_the_first_account_must_be_an_administrator(services: Services, role: Role) -> None:
    with pytest.raises(PermissionDeniedError, match=f"role '{role.value}' is not allowed"):
        services.users.add_user(None, "first", "First", role, PASSWORD)
    assert services.users.list_users() == []


def test_once_an_account_exists_only_an_authenticated_administrator_adds_more(
    services: Services,
) -> None:
    services.users.add_user(None, "admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD)
    with pytest.raises(LoginRequiredError, match="administrator's username and password"):
        services.users.add_user(None, "boss", "Boss", Role.ADMINISTRATOR, PASSWORD)
    with pytest.raises(AuthenticationError):
        services.users.add_user(
            Credentials("admin", "not the password"), "boss", "Boss", Role.ADMINISTRATOR,
            PASSWORD,
        )
    student = services.users.add_user(ADMIN, "stu", "Stu", Role.STUDENT, PASSWORD)
    with pytest.raises(PermissionDeniedError, match="stu \\(student\\) may not add"):
        services.users.add_user(
            Credentials("stu", PASSWORD), "boss", "Boss", Role.ADMINISTRATOR, PASSWORD
        )
    assert [user.username for user in services.users.list_users()] == ["admin", "stu"]
    assert services.users.authenticate("stu", PASSWORD) == student
    added = services.audit.entries_for(EntityType.USER, student.id)
    assert [(entry.username, entry.action) for entry in added] == [("admin", "user_added")]


def test_setting_a_password_needs_the_current_one(services: Services) -> None:
    clinic_users(services)
    with pytest.raises(AuthenticationError):
        services.users.set_password(Credentials("cleo", "a guess 12345"), "cleo", "new password 1")
    assert services.users.authenticate("cleo", PASSWORD).username == "cleo"


def test_only_an_administrator_administers_a_database_with_accounts(
    services: Services,
) -> None:
    assert is_local(services.users.administrator(None, "restore the database"))
    users = clinic_users(services)
    with pytest.raises(LoginRequiredError):
        services.users.administrator(None, "restore the database")
    with pytest.raises(PermissionDeniedError, match="may not restore the database"):
        services.users.administrator(Credentials("sam", PASSWORD), "restore the database")
    assert services.users.administrator(ADMIN, "restore") == users[Role.ADMINISTRATOR]


def test_unknown_or_forged_actors_are_refused(services: Services) -> None:
    clinic_users(services)
    with pytest.raises(AuthenticationError):
        services.users.add_user(
            Credentials("mallory", PASSWORD), "x1", "X", Role.CLINICIAN, PASSWORD
        )
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
        services.users.add_user(
            Credentials("okname", PASSWORD), "okname", "Y", Role.CLINICIAN, PASSWORD
        )


def test_the_named_clinician_signs_on_an_installation_without_accounts(
    services: Services,
) -> None:
    unnamed = services.signing.sign(started_draft(services).id, None).signature
    assert unnamed.signer_name.endswith("(computer login)")  # never "Local user"
    assert services.users.name_local_clinician("Alex Morgan", "PH123456")
    signed = services.signing.sign(started_draft(services).id, None).signature
    assert signed.signer_name == "Alex Morgan (PH123456)"
    assert services.users.default_actor().display_name == "Alex Morgan"
    assert services.audit.verify().intact


def test_accounts_carry_their_own_names(services: Services) -> None:
    clinic_users(services)
    assert not services.users.name_local_clinician("Alex Morgan", "PH123456")
