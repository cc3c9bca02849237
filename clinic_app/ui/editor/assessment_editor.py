"""The assessment editor: header, section navigator and one page per exam section.

Every user edit goes through ``domain.fields.with_value`` and becomes a ``SetFindingCommand``
on ``undo_stack``; the document is autosaved shortly after each change. Only the widget of
the changed finding, the derived readouts and the navigator counts are refreshed per edit.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.fields import FieldError, Path, get_value, spec_index, with_value
from clinic_app.domain.model_base import AffectedSide
from clinic_app.domain.progress import section_progress
from clinic_app.services.ports import AssessmentRecord, PatientRecord
from clinic_app.ui.editor.current_page_stack import CurrentPageStack
from clinic_app.ui.editor.draft_autosaver import DraftAutosaver
from clinic_app.ui.editor.edit_command import SetFindingCommand
from clinic_app.ui.editor.editor_header import DATE_PATH, SIDE_PATH, EditorHeader
from clinic_app.ui.editor.fields.base import FieldWidget, UnparsedText
from clinic_app.ui.editor.fields.pain_map_field import PainMapField
from clinic_app.ui.editor.section_navigator import SectionNavigator
from clinic_app.ui.editor.section_page import SectionPage
from clinic_app.ui.services_port import UiServices


def refusal_text(value: Any, allowed: str, kept: Any) -> str:
    shown = "(empty)" if value is None else str(value)
    kept_text = "not assessed" if kept is None else str(getattr(kept, "value", kept))
    return f"{shown} is not allowed: expected {allowed}. Kept: {kept_text}"


class AssessmentEditor(QWidget):
    savedAt = Signal(str)
    saveFailed = Signal(str)
    assessmentChanged = Signal(object)

    def __init__(
        self,
        services: UiServices,
        patient_record: PatientRecord,
        assessment_record: AssessmentRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentEditor")
        self.patient_record = patient_record
        self.assessment_id = assessment_record.id
        self._document = assessment_record.assessment
        self.undo_stack = QUndoStack(self)
        self._autosaver = DraftAutosaver(
            services.assessments, assessment_record.id, assessment_record.version, self
        )
        self._autosaver.saved.connect(self.savedAt)
        self._autosaver.failed.connect(self.saveFailed)

        self.header = EditorHeader(patient_record.patient, self)
        titles = {name: Assessment.model_fields[name].title or name for name in EXAM_SECTIONS}
        self.navigator = SectionNavigator(titles, self)
        self.pages = CurrentPageStack(self)
        self.section_pages: dict[str, SectionPage] = {}
        for section in EXAM_SECTIONS:
            page = SectionPage(section, titles[section], self.pages)
            self.section_pages[section] = page
            self.pages.addWidget(page)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages)
        self._build_layout()

        self.fields: dict[Path, FieldWidget] = dict(self.header.fields)
        for page in self.section_pages.values():
            self.fields.update(page.fields)
        for path, widget in self.fields.items():
            widget.set_value(get_value(self._document, path))
            widget.edited.connect(partial(self._on_edited, path))
            widget.undoRequested.connect(self.undo_stack.undo)
            widget.redoRequested.connect(self.undo_stack.redo)
        self.navigator.currentRowChanged.connect(self._show_page)
        self._show_page(0)
        self._refresh_side_marks()
        self._refresh_summaries()
        self.navigator.fit_width()

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        body = QHBoxLayout()
        body.addWidget(splitter)
        layout.addLayout(body, 1)

    # -- public API ---------------------------------------------------------------------
    @property
    def assessment(self) -> Assessment:
        return self._document

    @property
    def version(self) -> int:
        return self._autosaver.version

    @property
    def has_unsaved_changes(self) -> bool:
        return self._autosaver.has_unsaved

    def flush(self) -> bool:
        """Write any pending change now; False if the write was refused (see ``saveFailed``)."""
        return self._autosaver.flush()

    def current_section(self) -> str:
        return EXAM_SECTIONS[self.pages.currentIndex()]

    def show_section(self, section: str) -> None:
        self.navigator.setCurrentRow(EXAM_SECTIONS.index(section))

    def next_section(self) -> None:
        self.navigator.setCurrentRow(min(self.pages.currentIndex() + 1, len(EXAM_SECTIONS) - 1))

    def previous_section(self) -> None:
        self.navigator.setCurrentRow(max(self.pages.currentIndex() - 1, 0))

    def go_to(self, path: tuple[str, ...]) -> None:
        """Show the page of a finding and put the keyboard focus on its input."""
        widget = self.fields.get(path)
        if widget is None:
            raise KeyError(f"no finding at {'.'.join(path)}")
        if path[0] in EXAM_SECTIONS:
            self.show_section(path[0])
            self.scroll.ensureWidgetVisible(widget, 50, 80)
        widget.focus_input()

    # -- edits --------------------------------------------------------------------------
    def _on_edited(self, path: Path, value: Any) -> None:
        widget = self.fields[path]
        try:
            if isinstance(value, UnparsedText):
                spec = spec_index(Assessment)[path]
                raise FieldError(path, value.text, spec.allowed(), spec.title)
            after = with_value(self._document, path, value)
        except FieldError as error:
            fallback = widget.session_original if widget.reverts_on_error else get_value(
                self._document, path
            )
            typed = widget.typed_text()
            widget.show_error(refusal_text(typed or error.value, error.allowed, fallback))
            after = with_value(self._document, path, fallback)
        else:
            widget.clear_error()
        if after == self._document:
            return
        title = spec_index(Assessment)[path].title
        self.undo_stack.push(
            SetFindingCommand(self._adopt, path, self._document, after, title, widget.merge_key)
        )

    def _adopt(self, document: Assessment, path: Path, refresh_widget: bool) -> None:
        self._document = document
        widget = self.fields[path]
        value = get_value(document, path)
        if refresh_widget:
            widget.set_value(value)
            if path[0] in EXAM_SECTIONS and path[0] != self.current_section():
                self.show_section(path[0])
        else:
            widget.note_applied(value)
        if path in (SIDE_PATH, DATE_PATH) or refresh_widget:
            self._refresh_side_marks()
        self._refresh_summaries()
        self._autosaver.schedule(document)
        self.assessmentChanged.emit(document)

    # -- display ------------------------------------------------------------------------
    def _refresh_summaries(self) -> None:
        self.navigator.show_progress(section_progress(self._document))
        for page in self.section_pages.values():
            page.refresh_readouts(self._document)
        self.header.show_patient(self._document.assessment_date)

    def _refresh_side_marks(self) -> None:
        affected = self._document.affected_side
        for page in self.section_pages.values():
            page.mark_affected(affected)
        pain_map = self.fields.get(("history", "complaint", "pain_regions"))
        if isinstance(pain_map, PainMapField):
            pain_map.diagram.set_mirrored(affected is AffectedSide.LEFT)

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self.pages.setCurrentIndex(index)
        self.pages.updateGeometry()
        self.scroll.verticalScrollBar().setValue(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
