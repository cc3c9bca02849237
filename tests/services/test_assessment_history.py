"""AssessmentHistoryService: the earlier assessments the non-responder rule compares with."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.patient import Patient, Sex
from clinic_app.services.assessment_history import AssessmentHistoryService
from tests.services.fakes import FakeStore, FakeUnitOfWorkFactory


def _patient(name: str) -> Patient:
    return Patient(
        family_name=name, given_names="Zoë", date_of_birth=date(1990, 1, 1), sex=Sex.FEMALE
    )


def test_earlier_assessments_of_the_same_patient_oldest_first() -> None:
    store = FakeStore(patients={1: _patient("Ñúñez"), 2: _patient("Other")})
    factory = FakeUnitOfWorkFactory(store)
    with factory() as uow:
        later = uow.assessments.add(1, Assessment(assessment_date=date(2024, 5, 1)))
        first = uow.assessments.add(1, Assessment(assessment_date=date(2024, 1, 1), clinician="a"))
        same_day = uow.assessments.add(1, Assessment(assessment_date=date(2024, 3, 1)))
        current = uow.assessments.add(1, Assessment(assessment_date=date(2024, 3, 1)))
        uow.assessments.add(2, Assessment(assessment_date=date(2023, 1, 1)))
        uow.commit()
    service = AssessmentHistoryService(factory)
    found = service.earlier_than(current.id)
    assert found == [first.assessment, same_day.assessment]
    assert later.assessment not in found
    assert service.earlier_than(first.id) == []
