"""Open assessment editors as tabs, sharing one undo group and one save status.

Each tab is an ``AssessmentEditor`` viewing its ``AssessmentSession``: the area connects
the session's undo stack and save signals, and forwards the window's actions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QUndoGroup
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QWidget

from clinic_app.ui.session import Session

if TYPE_CHECKING:
    from clinic_app.domain.records.roles import User
    from clinic_app.services.ports import AssessmentRecord, PatientRecord
    from clinic_app.ui.editor.assessment_editor import AssessmentEditor
    from clinic_app.ui.editor.assessment_session import AssessmentSession
    from clinic_app.ui.services_port import UiServices

# Builds the editor of one assessment, as ``assessment_editor`` below does.
EditorFactory = Callable[..., "AssessmentEditor"]

URGENT_TAB_COLOUR = QColor("#b00020")
ALARMING_HEADLINES = ("EMERGENCY", "URGENT")


def assessment_editor(
    services: UiServices,
    patient_record: PatientRecord,
    assessment_record: AssessmentRecord,
    parent: QWidget | None = None,
    *,
    actor: User | None = None,
) -> AssessmentEditor:
    """The real editor, imported on first use: start-up does not pay for it."""
    from clinic_app.ui.editor.assessment_editor import AssessmentEditor

    return AssessmentEditor(services, patient_record, assessment_record, parent, actor=actor)


class EditorArea(QStackedWidget):
    savedAt = Signal(str)
    saveFailed = Signal(str)
    noticed = Signal(str)  # another workstation's changes came into an open tab
    openAssessmentsChanged = Signal(list)  # ids of the open assessments, in tab order

    def __init__(
        self,
        undo_group: QUndoGroup,
        session: Session,
        editor_factory: EditorFactory = assessment_editor,
        parent: QWidget | None = None,
    ) -> None:
        """Editors open once ``attach`` has given the services; they act as ``session``'s user."""
        super().__init__(parent)
        self._services: UiServices | None = None
        self._session = session
        self._undo_group = undo_group
        self._factory = editor_factory
        self._editors: dict[int, AssessmentEditor] = {}

        self.placeholder = QLabel(
            "Select a patient, then open an assessment (Enter) or start a new one "
            "(Ctrl+Shift+N).",
            self,
        )
        self.placeholder.setObjectName("editorPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._activate)
        self.addWidget(self.placeholder)
        self.addWidget(self.tabs)

    def attach(self, services: UiServices) -> None:
        self._services = services

    def editor_for(self, assessment_id: int) -> AssessmentEditor | None:
        return self._editors.get(assessment_id)

    def current_editor(self) -> AssessmentEditor | None:
        return self._editor_at(self.tabs.currentIndex())

    def current_session(self) -> AssessmentSession | None:
        editor = self.current_editor()
        return editor.session if editor is not None else None

    def _editor_at(self, index: int) -> AssessmentEditor | None:
        widget = self.tabs.widget(index)
        return next((e for e in self._editors.values() if e is widget), None)

    def open_assessment_ids(self) -> list[int]:
        return [int(self.tabs.widget(i).property("assessmentId")) for i in range(self.tabs.count())]

    def open_editor(
        self, patient: PatientRecord, assessment: AssessmentRecord
    ) -> AssessmentEditor | None:
        """Show the assessment's editor (an already open one is brought to front)."""
        existing = self._editors.get(assessment.id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return existing
        if self._services is None:
            return None
        editor = self._factory(self._services, patient, assessment, None, actor=self._session.actor)
        editor.setProperty("assessmentId", assessment.id)
        editor.session.savedAt.connect(self.savedAt)
        editor.session.saveFailed.connect(self.saveFailed)
        editor.session.noticed.connect(self.noticed)
        self._undo_group.addStack(editor.session.undo_stack)
        self._editors[assessment.id] = editor
        title = f"{patient.patient.display_name} · {assessment.assessment.assessment_date}"
        editor.setProperty("tabTitle", title)
        index = self.tabs.addTab(editor, title)
        self.tabs.setCurrentIndex(index)
        editor.topUrgencyChanged.connect(lambda headline, e=editor: self._show_urgency(e, headline))
        self._show_urgency(editor, editor.top_urgency)
        self.setCurrentWidget(self.tabs)
        self.openAssessmentsChanged.emit(self.open_assessment_ids())
        return editor

    def close_tab(self, index: int) -> None:
        editor = self._editor_at(index)
        if editor is None:
            return
        editor.flush()
        self._undo_group.removeStack(editor.session.undo_stack)
        self.tabs.removeTab(index)
        self._editors = {key: value for key, value in self._editors.items() if value is not editor}
        editor.deleteLater()
        if self.tabs.count() == 0:
            self.setCurrentWidget(self.placeholder)
        self.openAssessmentsChanged.emit(self.open_assessment_ids())

    def close_current(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def close_all(self) -> None:
        """Save and close every open assessment (a user switch: editors act as their user)."""
        while self.tabs.count():
            self.close_tab(self.tabs.count() - 1)

    def flush_all(self) -> None:
        for editor in self._editors.values():
            editor.flush()

    def next_section(self) -> None:
        editor = self.current_editor()
        if editor is not None:
            editor.next_section()

    def previous_section(self) -> None:
        editor = self.current_editor()
        if editor is not None:
            editor.previous_section()

    def set_hints_panel_visible(self, visible: bool) -> None:
        editor = self.current_editor()
        if editor is not None:
            editor.set_hints_panel_visible(visible)

    def _show_urgency(self, editor: AssessmentEditor, headline: str) -> None:
        """The top urgency leads the tab title, in words and colour, so no tab hides it."""
        index = self.tabs.indexOf(editor)
        if index < 0:
            return
        title = editor.property("tabTitle")
        text = f"\u26a0 {headline} \u00b7 {title}" if headline else title
        self.tabs.setTabText(index, text)
        self.tabs.setTabToolTip(index, text)
        colour = URGENT_TAB_COLOUR if headline in ALARMING_HEADLINES else QColor()
        self.tabs.tabBar().setTabTextColor(index, colour)

    def _activate(self, index: int) -> None:
        session = self.current_session() if index >= 0 else None
        self._undo_group.setActiveStack(session.undo_stack if session is not None else None)
