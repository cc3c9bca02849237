"""Shared helpers for the records tests: services on a real database, raw SQL, tampering."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import text

from clinic_app.app import Services
from clinic_app.domain.patient import Patient, Sex
from clinic_app.domain.records.roles import Role, User
from clinic_app.services.ports import AssessmentRecord
from clinic_app.services.users import Credentials
from clinic_app.storage.database import Database

ON = date(2024, 5, 6)
PASSWORD = "correct horse battery"
ADMIN = Credentials("admin", PASSWORD)  # the administrator clinic_users adds first


def a_patient() -> Patient:
    return Patient(
        family_name="Nuñez", given_names="Zoë", date_of_birth=date(1994, 2, 28), sex=Sex.FEMALE
    )


def started_draft(services: Services, actor: User | None = None) -> AssessmentRecord:
    patient_id = services.patients.register(a_patient(), actor=actor)
    record = services.assessments.start(patient_id, ON, "A. Physio", actor=actor)
    edited = record.assessment.model_copy(update={"referral": "none needed"})
    return services.assessments.save_draft(record.id, edited, record.version, actor=actor)


def clinic_users(services: Services) -> dict[Role, User]:
    """The first account, an administrator, then one of each role added by them."""
    admin = services.users.add_user(None, "admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD)
    users = {Role.ADMINISTRATOR: admin}
    for role, username, name in (
        (Role.CLINICIAN, "cleo", "Cleo Clinician"),
        (Role.STUDENT, "stu", "Stu Student"),
        (Role.SUPERVISOR, "sam", "Sam Supervisor"),
    ):
        users[role] = services.users.add_user(
            ADMIN, username, name, role, PASSWORD, "REG-1"
        )
    return users


def scalar(database: Database, sql: str, **parameters: object) -> object:
    with database.engine.connect() as connection:
        return connection.execute(text(sql), parameters).scalar()


def execute(database: Database, sql: str, **parameters: object) -> None:
    with database.engine.begin() as connection:
        connection.execute(text(sql), parameters)


@contextmanager
def audit_triggers_off(database: Database) -> Iterator[None]:
    """What a database owner could do: switch off the append-only triggers to tamper (and
    put them back afterwards, so only the tampering itself remains to be found)."""
    if database.engine.dialect.name == "postgresql":
        execute(database, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    else:
        execute(database, "DROP TRIGGER audit_log_refuse_update")
        execute(database, "DROP TRIGGER audit_log_refuse_delete")
    yield
    database.restore_guard_triggers()
