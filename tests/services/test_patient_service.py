"""PatientService over the fake unit of work: what it commits and what it returns."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.domain.patient import Patient, Sex
from clinic_app.services.patients import PatientService
from clinic_app.services.ports import NotFoundError
from tests.services.fakes import FakeStore, FakeUnitOfWorkFactory


def zoe(**changes: object) -> Patient:
    fields = dict(
        family_name="Ñúñez-Øster", given_names="Zoë", date_of_birth=date(1994, 2, 28),
        sex=Sex.FEMALE,
    )
    return Patient(**(fields | changes))


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def service(store: FakeStore) -> PatientService:
    return PatientService(FakeUnitOfWorkFactory(store))


def test_register_commits_the_patient(service: PatientService, store: FakeStore) -> None:
    patient_id = service.register(zoe())
    assert store.commits == 1
    assert store.patients == {patient_id: zoe()}
    assert service.get(patient_id).patient == zoe()
    assert service.count() == 1


def test_update_replaces_the_stored_patient(service: PatientService, store: FakeStore) -> None:
    patient_id = service.register(zoe())
    service.update(patient_id, zoe(identifier="NHS-1"))
    assert store.patients[patient_id].identifier == "NHS-1"


def test_unknown_patient_is_not_found_and_nothing_is_committed(
    service: PatientService, store: FakeStore
) -> None:
    with pytest.raises(NotFoundError):
        service.get(7)
    with pytest.raises(NotFoundError):
        service.update(7, zoe())
    assert store.commits == 0


def test_search_passes_text_and_limit_through(service: PatientService) -> None:
    service.register(zoe())
    service.register(zoe(family_name="Berger", given_names="Zoe"))
    service.register(Patient(
        family_name="Петров", given_names="Иван", date_of_birth=date(1970, 12, 31), sex=Sex.MALE
    ))
    assert [r.patient.family_name for r in service.search("zoe")] == ["Berger", "Ñúñez-Øster"]
    assert [r.patient.family_name for r in service.search("zoe", limit=1)] == ["Berger"]
    assert len(service.search("")) == 3
