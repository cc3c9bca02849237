"""AssessmentHistoryService on a real database: the earlier assessments the non-responder
rule compares with."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.patient import Patient, Sex
from clinic_app.services.assessment_history import AssessmentHistoryService
from clinic_app.services.assessments import AssessmentService
from clinic_app.services.patients import PatientService
from clinic_app.storage.database import Database


def _patient(name: str) -> Patient:
    return Patient(
        family_name=name, given_names="Zoë", date_of_birth=date(1990, 1, 1), sex=Sex.FEMALE
    )


def test_earlier_assessments_of_the_same_patient_oldest_first(database: Database) -> None:
    patients = PatientService(database.unit_of_work)
    mine, other = patients.register(_patient("Ñúñez")), patients.register(_patient("Other"))
    assessments = AssessmentService(database.unit_of_work)
    later = assessments.start(mine, date(2024, 5, 1))
    first = assessments.start(mine, date(2024, 1, 1), clinician="a")
    same_day = assessments.start(mine, date(2024, 3, 1))
    current = assessments.start(mine, date(2024, 3, 1))
    assessments.start(other, date(2023, 1, 1))

    service = AssessmentHistoryService(database.unit_of_work)
    found = service.earlier_than(current.id)
    assert found == [first.assessment, same_day.assessment]
    assert later.assessment not in found
    assert service.earlier_than(first.id) == []
