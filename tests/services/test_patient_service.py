"""PatientService on a real database (SQLite and PostgreSQL): what it commits and returns."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.domain.patient import Patient, Sex
from clinic_app.domain.records.audit import EntityType
from clinic_app.services.audit_trail import AuditService
from clinic_app.services.patients import PatientService
from clinic_app.services.ports import NotFoundError
from clinic_app.storage.database import Database
from tests.services.database_state import audit_length


def zoe(**changes: object) -> Patient:
    fields = dict(
        family_name="Ñúñez-Øster", given_names="Zoë", date_of_birth=date(1994, 2, 28),
        sex=Sex.FEMALE,
    )
    return Patient(**(fields | changes))


@pytest.fixture
def service(database: Database) -> PatientService:
    return PatientService(database.unit_of_work)


def test_register_commits_the_patient_and_audits_it(
    service: PatientService, database: Database
) -> None:
    patient_id = service.register(zoe())
    assert service.get(patient_id).patient == zoe()
    assert service.count() == 1
    (entry,) = AuditService(database.unit_of_work).entries_for(EntityType.PATIENT, patient_id)
    assert entry.action == "created"


def test_update_replaces_the_stored_patient(service: PatientService) -> None:
    patient_id = service.register(zoe())
    service.update(patient_id, zoe(identifier="NHS-1"))
    assert service.get(patient_id).patient == zoe(identifier="NHS-1")
    assert [r.id for r in service.search("NHS-1")] == [patient_id]


def test_unknown_patient_is_not_found_and_nothing_is_committed(
    service: PatientService, database: Database
) -> None:
    with pytest.raises(NotFoundError):
        service.get(7)
    with pytest.raises(NotFoundError):
        service.update(7, zoe())
    assert audit_length(database) == 0
    assert service.count() == 0


def test_search_matches_name_starts_in_name_order_up_to_the_limit(
    service: PatientService,
) -> None:
    service.register(zoe())
    service.register(zoe(family_name="Berger", given_names="Zoe"))
    service.register(Patient(
        family_name="Петров", given_names="Иван", date_of_birth=date(1970, 12, 31), sex=Sex.MALE
    ))
    assert [r.patient.family_name for r in service.search("zoe")] == ["Berger", "Ñúñez-Øster"]
    assert [r.patient.family_name for r in service.search("zoe", limit=1)] == ["Berger"]
    assert len(service.search("")) == 3
