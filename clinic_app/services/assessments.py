"""Start, load and save assessments (drafts are saved after every change)."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.assessment import Assessment
from clinic_app.services.ports import AssessmentRecord, AssessmentSummary, UnitOfWorkFactory


class AssessmentService:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def start(self, patient_id: int, on: date, clinician: str = "") -> AssessmentRecord:
        with self._uow() as uow:
            uow.patients.get(patient_id)  # NotFoundError for an unknown patient
            record = uow.assessments.add(
                patient_id, Assessment(assessment_date=on, clinician=clinician)
            )
            uow.commit()
            return record

    def load(self, assessment_id: int) -> AssessmentRecord:
        with self._uow() as uow:
            return uow.assessments.get(assessment_id)

    def save_draft(
        self, assessment_id: int, assessment: Assessment, expected_version: int
    ) -> AssessmentRecord:
        """Autosave: refused with ``StaleWriteError`` if someone saved a newer version."""
        with self._uow() as uow:
            record = uow.assessments.save(assessment_id, assessment, expected_version)
            uow.commit()
            return record

    def for_patient(self, patient_id: int) -> list[AssessmentSummary]:
        with self._uow() as uow:
            return uow.assessments.for_patient(patient_id)
