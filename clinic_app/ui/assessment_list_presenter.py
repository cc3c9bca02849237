"""The selected patient's assessments: list, start and load them."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from clinic_app.ui.assessment_table_model import AssessmentTableModel

if TYPE_CHECKING:
    from clinic_app.services.ports import AssessmentRecord
    from clinic_app.ui.services_port import UiServices

log = logging.getLogger(__name__)


class AssessmentListPresenter(QObject):
    failed = Signal(str)  # a message for the user; never contains patient data

    def __init__(self, model: AssessmentTableModel, parent: QObject | None = None) -> None:
        """Lists stay empty until ``attach`` gives the services."""
        super().__init__(parent)
        self._services: UiServices | None = None
        self._model = model
        self._patient_id: int | None = None

    def attach(self, services: UiServices) -> None:
        self._services = services

    @property
    def model(self) -> AssessmentTableModel:
        return self._model

    @property
    def patient_id(self) -> int | None:
        return self._patient_id

    def show_patient(self, patient_id: int | None) -> None:
        self._patient_id = patient_id
        self.refresh()

    def refresh(self) -> None:
        if self._patient_id is None or self._services is None:
            self._model.set_summaries([])
            return
        try:
            summaries = self._services.assessments.for_patient(self._patient_id)
        except Exception as error:
            self._report("Loading the assessments failed", error)
            summaries = []
        self._model.set_summaries(summaries)

    def start(self, on: date, clinician: str) -> AssessmentRecord | None:
        if self._patient_id is None or self._services is None:
            return None
        try:
            record = self._services.assessments.start(self._patient_id, on, clinician)
        except Exception as error:
            self._report("Starting the assessment failed", error)
            return None
        self.refresh()
        return record

    def load(self, assessment_id: int) -> AssessmentRecord | None:
        if self._services is None:
            return None
        try:
            return self._services.assessments.load(assessment_id)
        except Exception as error:
            self._report("Opening the assessment failed", error)
            return None

    def _report(self, what: str, error: Exception) -> None:
        log.error("%s: %s", what, type(error).__name__)
        self.failed.emit(f"{what} ({type(error).__name__}). Please try again.")
