"""The selected patient's assessments: list, start and load them; the acting user's drafts."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from clinic_app.ui.assessment_table_model import AssessmentTableModel
from clinic_app.ui.drafts_dialog import DraftEntry
from clinic_app.ui.failure_message import failure_message
from clinic_app.ui.session import Session

if TYPE_CHECKING:
    from clinic_app.services.ports import AssessmentRecord, AssessmentSummary
    from clinic_app.ui.services_port import UiServices

log = logging.getLogger(__name__)


class AssessmentListPresenter(QObject):
    failed = Signal(str)  # a message for the user; never contains patient data

    def __init__(
        self, model: AssessmentTableModel, session: Session, parent: QObject | None = None
    ) -> None:
        """Lists stay empty until ``attach`` gives the services; ``session`` names the actor."""
        super().__init__(parent)
        self._services: UiServices | None = None
        self._session = session
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
        if set(summaries) != set(self._summaries()):  # unchanged: keep selection and scroll
            self._model.set_summaries(summaries)

    def start(self, on: date, clinician: str) -> AssessmentRecord | None:
        if self._patient_id is None or self._services is None:
            return None
        try:
            record = self._services.assessments.start(
                self._patient_id, on, clinician, actor=self._session.actor
            )
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

    def drafts(self) -> list[DraftEntry] | None:
        """The acting user's unsigned drafts (everyone's without a login), most recently
        changed first; None when they could not be loaded."""
        if self._services is None:
            return None
        try:
            summaries = self._services.assessments.drafts_of(self._session.actor)
            names = {
                patient_id: self._services.patients.get(patient_id).patient.display_name
                for patient_id in {summary.patient_id for summary in summaries}
            }
        except Exception as error:
            self._report("Loading your drafts failed", error)
            return None
        return [
            DraftEntry(
                summary.id, names[summary.patient_id], summary.assessment_date,
                summary.clinician, summary.updated_at,
            )
            for summary in summaries
        ]

    def draft_ids(self) -> set[int]:
        """Ids of the acting user's drafts (empty when they could not be loaded)."""
        if self._services is None:
            return set()
        try:
            summaries = self._services.assessments.drafts_of(self._session.actor)
        except Exception as error:
            self._report("Loading your drafts failed", error)
            return set()
        return {summary.id for summary in summaries}

    def _summaries(self) -> list[AssessmentSummary]:
        return [self._model.summary_at(row) for row in range(self._model.rowCount())]

    def _report(self, what: str, error: Exception) -> None:
        log.error("%s: %s", what, type(error).__name__)
        self.failed.emit(failure_message(what, error))
