"""The services the GUI is given, as a protocol.

``clinic_app.app.Services`` satisfies it; the UI cannot import that module because
it wires in storage, which the UI must never depend on (import-linter contract).
The service modules are named for type checking only: the window is shown before
they are imported (see ``clinic_app.ui.startup``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from clinic_app.services.assessment_history import AssessmentHistoryService
    from clinic_app.services.assessments import AssessmentService
    from clinic_app.services.audit_trail import AuditService
    from clinic_app.services.changes import ChangeService
    from clinic_app.services.conflicts import ConflictService
    from clinic_app.services.demo import DemoService
    from clinic_app.services.episodes import EpisodeService
    from clinic_app.services.exporting import ExportService
    from clinic_app.services.patients import PatientService
    from clinic_app.services.practice import PracticeService
    from clinic_app.services.signing import SigningService
    from clinic_app.services.users import UserService
    from clinic_app.services.version_history import VersionHistoryService
    from clinic_app.unsaved_edits import UnsavedEdits


class UiServices(Protocol):
    @property
    def patients(self) -> PatientService: ...

    @property
    def assessments(self) -> AssessmentService: ...

    @property
    def history(self) -> AssessmentHistoryService: ...

    @property
    def users(self) -> UserService: ...

    @property
    def signing(self) -> SigningService: ...

    @property
    def conflicts(self) -> ConflictService: ...

    @property
    def audit(self) -> AuditService: ...

    @property
    def changes(self) -> ChangeService: ...

    @property
    def demo(self) -> DemoService: ...

    @property
    def exports(self) -> ExportService: ...

    @property
    def versions(self) -> VersionHistoryService: ...

    @property
    def practice(self) -> PracticeService: ...

    @property
    def episodes(self) -> EpisodeService: ...

    @property
    def unsaved_edits(self) -> UnsavedEdits: ...
