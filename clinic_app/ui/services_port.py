"""The services the GUI is given, as a protocol.

``clinic_app.app.Services`` satisfies it; the UI cannot import that module because
it wires in storage, which the UI must never depend on (import-linter contract).
"""

from __future__ import annotations

from typing import Protocol

from clinic_app.services.assessment_history import AssessmentHistoryService
from clinic_app.services.assessments import AssessmentService
from clinic_app.services.patients import PatientService


class UiServices(Protocol):
    @property
    def patients(self) -> PatientService: ...

    @property
    def assessments(self) -> AssessmentService: ...

    @property
    def history(self) -> AssessmentHistoryService: ...
