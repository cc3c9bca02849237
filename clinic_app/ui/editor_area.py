"""Open assessment editors as tabs, sharing one undo group and one save status.

The editor itself lives in ``clinic_app.ui.editor`` (built separately); this area
only needs its small contract: built with the acting user (``actor=``), an
``undo_stack`` (QUndoStack), the signals ``savedAt(str)`` and ``saveFailed(str)``, and
optionally ``flush()``, ``next_section()`` and ``previous_section()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QUndoGroup
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QWidget

from clinic_app.ui.session import Session

if TYPE_CHECKING:
    from clinic_app.domain.records.roles import User
    from clinic_app.services.ports import AssessmentRecord, PatientRecord
    from clinic_app.ui.services_port import UiServices


class EditorFactory(Protocol):
    def __call__(
        self,
        services: UiServices,
        patient_record: PatientRecord,
        assessment_record: AssessmentRecord,
        parent: QWidget | None = None,
        *,
        actor: User | None = None,
    ) -> QWidget: ...

URGENT_TAB_COLOUR = QColor("#b00020")
ALARMING_HEADLINES = ("EMERGENCY", "URGENT")

_EDITOR_MODULES = ("clinic_app.ui.editor", "clinic_app.ui.editor.assessment_editor")


def load_editor_factory() -> EditorFactory | None:
    """The real editor class, or None while it is not part of this build.

    Imported on first use, which keeps it out of the start-up time.
    """
    try:
        from clinic_app.ui.editor.assessment_editor import AssessmentEditor
    except ModuleNotFoundError as error:
        if error.name in _EDITOR_MODULES:
            return None
        raise  # a missing dependency inside the editor is a real bug, not "not built yet"
    return AssessmentEditor


class EditorArea(QStackedWidget):
    savedAt = Signal(str)
    saveFailed = Signal(str)
    openAssessmentsChanged = Signal(list)  # ids of the open assessments, in tab order

    def __init__(
        self,
        undo_group: QUndoGroup,
        session: Session,
        editor_factory: EditorFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Editors open once ``attach`` has given the services; they act as ``session``'s user."""
        super().__init__(parent)
        self._services: UiServices | None = None
        self._session = session
        self._undo_group = undo_group
        self._factory = editor_factory
        self._editors: dict[int, QWidget] = {}

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

    @property
    def editors_available(self) -> bool:
        if self._factory is None:
            self._factory = load_editor_factory()
        return self._factory is not None

    def editor_for(self, assessment_id: int) -> QWidget | None:
        return self._editors.get(assessment_id)

    def current_editor(self) -> QWidget | None:
        return self.tabs.currentWidget()

    def open_assessment_ids(self) -> list[int]:
        return [int(self.tabs.widget(i).property("assessmentId")) for i in range(self.tabs.count())]

    def open_editor(self, patient: PatientRecord, assessment: AssessmentRecord) -> QWidget | None:
        """Show the assessment's editor (an already open one is brought to front)."""
        existing = self._editors.get(assessment.id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return existing
        if self._services is None or not self.editors_available:
            return None
        assert self._factory is not None
        editor = self._factory(self._services, patient, assessment, None, actor=self._session.actor)
        editor.setProperty("assessmentId", assessment.id)
        editor.savedAt.connect(self.savedAt)  # type: ignore[attr-defined]
        editor.saveFailed.connect(self.saveFailed)  # type: ignore[attr-defined]
        self._undo_group.addStack(editor.undo_stack)  # type: ignore[attr-defined]
        self._editors[assessment.id] = editor
        title = f"{patient.patient.display_name} · {assessment.assessment.assessment_date}"
        editor.setProperty("tabTitle", title)
        index = self.tabs.addTab(editor, title)
        self.tabs.setCurrentIndex(index)
        urgency = getattr(editor, "topUrgencyChanged", None)
        if urgency is not None:
            urgency.connect(lambda headline, e=editor: self._show_urgency(e, headline))
        self._show_urgency(editor, getattr(editor, "top_urgency", ""))
        self.setCurrentWidget(self.tabs)
        self.openAssessmentsChanged.emit(self.open_assessment_ids())
        return editor

    def close_tab(self, index: int) -> None:
        editor = self.tabs.widget(index)
        if editor is None:
            return
        _flush(editor)
        self._undo_group.removeStack(editor.undo_stack)  # type: ignore[attr-defined]
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
            _flush(editor)

    def next_section(self) -> None:
        _call_optional(self.current_editor(), "next_section")

    def previous_section(self) -> None:
        _call_optional(self.current_editor(), "previous_section")

    def set_hints_panel_visible(self, visible: bool) -> None:
        editor = self.current_editor()
        function = getattr(editor, "set_hints_panel_visible", None)
        if callable(function):
            function(visible)

    def _show_urgency(self, editor: QWidget, headline: str) -> None:
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
        editor = self.tabs.widget(index)
        self._undo_group.setActiveStack(
            editor.undo_stack if editor is not None else None  # type: ignore[attr-defined]
        )


def _flush(editor: QWidget) -> None:
    _call_optional(editor, "flush")


def _call_optional(editor: Any, method: str) -> None:
    function = getattr(editor, method, None)
    if callable(function):
        function()
