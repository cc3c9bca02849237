"""The assessment editor: header, the exam (navigator and one page per section), the note
and rehab plan pages, and the decision-support panel beside them.

The editor views an ``AssessmentSession`` (the document, record, version, read-only
state, undo stack and autosave). Every user edit goes through ``domain.fields.with_value``
and becomes a command on the session's undo stack; the editor observes the session and
refreshes only the widget of the changed finding, the derived readouts and the navigator
counts per edit; the hints are re-evaluated once editing pauses.

A note that is signed or awaiting co-signature is shown read-only under a banner (with its
addenda once signed). A save refused because another workstation saved first opens the
conflict dialog.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment, AssessmentStatus
from clinic_app.domain.fields import (
    FieldError,
    FieldSpec,
    Path,
    get_value,
    spec_index,
    with_value,
)
from clinic_app.domain.guided_exam import (
    clear_red_flag_screen,
    findings_that_matter,
    keep_screen_honest,
    red_flag_checklist,
    screened_negative,
    section_screen,
)
from clinic_app.domain.model_base import AffectedSide
from clinic_app.domain.progress import section_progress
from clinic_app.domain.records.roles import User
from clinic_app.domain.rehab.builder import plan_for_export
from clinic_app.domain.soap.builder import build_soap_note
from clinic_app.services.ports import AssessmentRecord, PatientRecord
from clinic_app.ui.decision_support_presenter import DecisionSupportPresenter
from clinic_app.ui.editor.addenda_panel import AddendaPanel
from clinic_app.ui.editor.assessment_session import AssessmentSession
from clinic_app.ui.editor.conflict_presenter import ConflictPresenter
from clinic_app.ui.editor.current_page_stack import CurrentPageStack
from clinic_app.ui.editor.editor_header import DATE_PATH, SIDE_PATH, EditorHeader
from clinic_app.ui.editor.fields.base import FieldWidget, UnparsedText
from clinic_app.ui.editor.fields.factory import create_field_widget
from clinic_app.ui.editor.fields.pain_map_field import PainMapField
from clinic_app.ui.editor.guided_exam_page import GuidedExamPage
from clinic_app.ui.editor.hints_splitter import HintsSplitter
from clinic_app.ui.editor.note_page import NOTE_ROOTS, NotePage
from clinic_app.ui.editor.offline_banner import OfflineBanner
from clinic_app.ui.editor.plan_page import PlanPage
from clinic_app.ui.editor.record_banner import RecordBanner
from clinic_app.ui.editor.section_navigator import SECTION_TITLES, SectionNavigator
from clinic_app.ui.editor.section_page import SectionPage
from clinic_app.ui.editor.signing_presenter import SigningPresenter
from clinic_app.ui.exercise_library import exercise_library
from clinic_app.ui.hints_panel import HintsPanel
from clinic_app.ui.services_port import UiServices

EXAM_TAB, NOTE_TAB, PLAN_TAB = 0, 1, 2


def refusal_text(value: Any, allowed: str, kept: Any) -> str:
    shown = "(empty)" if value is None else str(value)
    kept_text = "not assessed" if kept is None else str(getattr(kept, "value", kept))
    return f"{shown} is not allowed: expected {allowed}. Kept: {kept_text}"


class AssessmentEditor(QWidget):
    assessmentChanged = Signal(object)
    topUrgencyChanged = Signal(str)  # "" when nothing beyond routine

    def __init__(
        self,
        services: UiServices,
        patient_record: PatientRecord,
        assessment_record: AssessmentRecord,
        parent: QWidget | None = None,
        *,
        actor: User | None = None,
        guided: bool | None = None,
    ) -> None:
        """``actor``: the logged-in user; None for an installation without a login.
        ``guided``: open in the guided exam; None: when no exam finding is recorded yet."""
        super().__init__(parent)
        self._services = services
        self.setObjectName("assessmentEditor")
        self.session = AssessmentSession(
            services.assessments, patient_record, assessment_record, self, actor=actor,
            unsaved_edits=services.unsaved_edits,
        )
        self.signing = SigningPresenter(services, self.session, self)
        self.conflicts = ConflictPresenter(services, assessment_record.id, actor, self)
        self.session.resolve_conflict = self.conflicts.resolve

        self.header = EditorHeader(patient_record.patient, self)
        self.header.signRequested.connect(self.sign)
        self.banner = RecordBanner(self)
        self.offline_banner = OfflineBanner(self)
        self.session.offline.connect(self.offline_banner.show_offline)
        self.session.backOnline.connect(self.offline_banner.show_back)
        self.addenda_panel = AddendaPanel(self)
        self.addenda_panel.addendumRequested.connect(self.add_addendum)
        self.navigator = SectionNavigator(SECTION_TITLES, self)
        self.pages = CurrentPageStack(self)
        self.section_pages: dict[str, SectionPage] = {}
        for section in EXAM_SECTIONS:
            page = SectionPage(section, SECTION_TITLES[section], self.pages)
            self.section_pages[section] = page
            self.pages.addWidget(page)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages)
        self.guided_page = GuidedExamPage(self._guided_field, self)
        self.guided_page.allNegativeRequested.connect(self.clear_red_flag_screen)
        self.guided_page.screenNegativeRequested.connect(self.screen_section_negative)
        for page in self.section_pages.values():
            page.screenNegativeRequested.connect(self.screen_section_negative)
        self.note_page = NotePage(self)
        self.library = exercise_library()
        self.plan_page = PlanPage(self.library, self)
        self.hints_panel = HintsPanel(self)
        self._build_layout()
        if guided is None:
            guided = not any(p.recorded for p in section_progress(self.session.document))
        self.full_form_toggle.setChecked(not guided)
        self._show_mode(not guided)

        self.decision_support = DecisionSupportPresenter(
            patient_record.patient,
            services.history.earlier_than(assessment_record.id),
            self.hints_panel,
            self,
        )
        self.decision_support.topUrgencyChanged.connect(self.topUrgencyChanged)
        self.decision_support.evaluated.connect(self._refresh_plan)
        self.decision_support.evaluated.connect(self._refresh_note)
        self.decision_support.evaluated.connect(self._refresh_guided)
        self.work_tabs.currentChanged.connect(self._on_work_tab_changed)
        self.hints_panel.goToFindingRequested.connect(self.go_to)
        self.hints_panel.hintDecisionRequested.connect(self.session.set_hint_decision)
        self.plan_page.planChangeRequested.connect(self.session.set_rehab_plan)
        self.assessmentChanged.connect(self.decision_support.schedule)

        self._editing: FieldWidget | None = None  # the widget whose edit is being applied
        self.kujala_paths = tuple(p for p in self.guided_page.fields if p[0] == "outcomes")
        self.fields: dict[Path, FieldWidget] = dict(self.header.fields)
        for page in self.section_pages.values():
            self.fields.update(page.fields)
        self.fields.update(self.note_page.fields)
        document = self.session.document
        for path, widget in self.fields.items():
            widget.set_value(get_value(document, path))
            widget.edited.connect(partial(self._on_edited, path, widget))
            widget.undoRequested.connect(self.session.undo_stack.undo)
            widget.redoRequested.connect(self.session.undo_stack.redo)
        self.navigator.currentRowChanged.connect(self._show_page)
        self._show_page(0)
        self._refresh_side_marks()
        self._refresh_summaries()
        self.navigator.fit_width()
        self.decision_support.evaluate_now(document)
        self._observe_session()
        self._show_record_state(self.session.record)
        if self.session.read_only:
            self._set_read_only(True)

    def _observe_session(self) -> None:
        session = self.session
        session.findingChanged.connect(self._show_finding)
        session.partChanged.connect(self._show_part)
        session.documentReplaced.connect(self._show_document)
        session.changed.connect(self.assessmentChanged)
        session.recordChanged.connect(self._show_record_state)
        session.readOnlyChanged.connect(self._set_read_only)
        session.addendaChanged.connect(self._show_addenda)
        session.addendumSuggested.connect(self.add_addendum)

    def _build_layout(self) -> None:
        full_form = QSplitter(Qt.Orientation.Horizontal, self)
        full_form.addWidget(self.navigator)
        full_form.addWidget(self.scroll)
        full_form.setStretchFactor(1, 1)
        full_form.setChildrenCollapsible(False)
        self.guided_scroll = QScrollArea(self)
        self.guided_scroll.setObjectName("guidedScroll")
        self.guided_scroll.setWidgetResizable(True)
        self.guided_scroll.setWidget(self.guided_page)
        self.exam_modes = QStackedWidget(self)
        self.exam_modes.addWidget(self.guided_scroll)
        self.exam_modes.addWidget(full_form)
        self.full_form_toggle = QCheckBox("Full form (every finding, section by section)", self)
        self.full_form_toggle.setObjectName("fullFormToggle")
        self.full_form_toggle.toggled.connect(self._show_mode)
        exam = QWidget(self)
        exam_layout = QVBoxLayout(exam)
        exam_layout.setContentsMargins(0, 4, 0, 0)
        exam_layout.addWidget(self.full_form_toggle)
        exam_layout.addWidget(self.exam_modes, 1)
        note_scroll = QScrollArea(self)
        note_scroll.setWidgetResizable(True)
        note_scroll.setWidget(self.note_page)
        self.work_tabs = QTabWidget(self)
        self.work_tabs.setObjectName("workTabs")
        self.work_tabs.addTab(exam, "E&xam")
        self.work_tabs.addTab(note_scroll, "&Note")
        self.work_tabs.addTab(self.plan_page, "Rehab &plan")
        self.body_splitter = HintsSplitter(self.work_tabs, self.hints_panel, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.offline_banner)
        layout.addWidget(self.addenda_panel)
        layout.addWidget(self.body_splitter, 1)

    # -- what the editor area and the window use -------------------------------------------
    def sign(self) -> bool:
        """Save, then ask to sign (submit, co-sign or return) the note; True when done."""
        return self.signing.sign()

    def add_addendum(self, text: str = "") -> bool:
        """Ask for an addendum to the signed note (``text`` pre-filled); True when added."""
        return self.signing.add_addendum(text)

    def flush(self) -> bool:
        """Write any pending change now; False if the write was refused (see ``saveFailed``)."""
        return self.session.flush()

    def current_section(self) -> str:
        return EXAM_SECTIONS[self.pages.currentIndex()]

    def show_section(self, section: str) -> None:
        self.navigator.setCurrentRow(EXAM_SECTIONS.index(section))

    def next_section(self) -> None:
        self.navigator.setCurrentRow(min(self.pages.currentIndex() + 1, len(EXAM_SECTIONS) - 1))

    def previous_section(self) -> None:
        self.navigator.setCurrentRow(max(self.pages.currentIndex() - 1, 0))

    @property
    def earlier_assessments(self) -> tuple[Assessment, ...]:
        return self.decision_support.earlier

    @property
    def top_urgency(self) -> str:
        return self.decision_support.headline

    @property
    def hints_panel_visible(self) -> bool:
        return self.body_splitter.panel_visible

    def set_hints_panel_visible(self, visible: bool) -> None:
        self.body_splitter.set_panel_visible(visible)

    @property
    def guided(self) -> bool:
        return not self.full_form_toggle.isChecked()

    def set_guided(self, guided: bool) -> None:
        self.full_form_toggle.setChecked(not guided)

    def _show_mode(self, full_form: bool) -> None:
        self.exam_modes.setCurrentIndex(1 if full_form else 0)

    def go_to(self, path: tuple[str, ...]) -> None:
        """Show the page of a finding and put the keyboard focus on its input."""
        widget = self.fields.get(path)
        if widget is None:
            raise KeyError(f"no finding at {'.'.join(path)}")
        if path[0] in EXAM_SECTIONS:
            self.work_tabs.setCurrentIndex(EXAM_TAB)
            guided_widget = self.guided_page.fields.get(path)
            if self.guided and guided_widget is not None and guided_widget.isVisibleTo(self):
                self.guided_scroll.ensureWidgetVisible(guided_widget, 50, 80)
                guided_widget.focus_input()
                return
            self.set_guided(False)
            self.show_section(path[0])
            self.scroll.ensureWidgetVisible(widget, 50, 80)
        elif path[0] in NOTE_ROOTS:
            self.work_tabs.setCurrentIndex(NOTE_TAB)
        widget.focus_input()

    def clear_red_flag_screen(self) -> None:
        """Record every red-flag item still not assessed as negative: one undoable step."""
        after = clear_red_flag_screen(self.session.document, self._who())
        self.session.edit_document(after, "Red-flag screen: all negative", "findings")

    def screen_section_negative(self, section: str) -> None:
        """Record every finding of ``section`` still not assessed as negative: one step."""
        document = self.session.document
        after = keep_screen_honest(screened_negative(document, section_screen(section)))
        self.session.edit_document(after, f"Screen {SECTION_TITLES[section]} negative", "findings")

    def _who(self) -> str:
        """The name the note gives for who recorded the red-flag screen."""
        actor = self.session.actor
        if actor is None:
            try:
                actor = self._services.users.default_actor()
            except Exception:  # several users, nobody logged in: the assessment's clinician
                actor = None
        if actor is not None:
            return actor.display_name or actor.username
        return self.session.document.clinician or "the clinician"

    # -- edits --------------------------------------------------------------------------
    def _guided_field(self, spec: FieldSpec, parent: QWidget) -> FieldWidget:
        widget = create_field_widget(spec, parent)
        widget.set_value(get_value(self.session.document, spec.path))
        widget.set_read_only(self.session.read_only)
        widget.edited.connect(partial(self._on_edited, spec.path, widget))
        widget.undoRequested.connect(self.session.undo_stack.undo)
        widget.redoRequested.connect(self.session.undo_stack.redo)
        return widget

    def _views(self, path: Path) -> list[FieldWidget]:
        guided = self.guided_page.fields.get(path)
        return [self.fields[path], *([guided] if guided is not None else [])]

    def _on_edited(self, path: Path, widget: FieldWidget, value: Any) -> None:
        self._editing = widget
        document = self.session.document
        if self.session.read_only:  # widgets are read-only too; this is the last line of defence
            widget.set_value(get_value(document, path))
            return
        try:
            if isinstance(value, UnparsedText):
                spec = spec_index(Assessment)[path]
                raise FieldError(path, value.text, spec.allowed(), spec.title)
            after = with_value(document, path, value)
        except FieldError as error:
            fallback = widget.session_original if widget.reverts_on_error else get_value(
                document, path
            )
            typed = widget.typed_text()
            widget.show_error(refusal_text(typed or error.value, error.allowed, fallback))
            after = with_value(document, path, fallback)
        else:
            widget.clear_error()
        title = spec_index(Assessment)[path].title
        self.session.set_finding(path, keep_screen_honest(after), title, widget.merge_key)

    # -- observing the session -------------------------------------------------------------
    def _show_finding(self, path: Path, refresh_widget: bool) -> None:
        value = get_value(self.session.document, path)
        for widget in self._views(path):
            if refresh_widget or widget is not self._editing:
                widget.set_value(value)
            else:
                widget.note_applied(value)
        if refresh_widget:
            if path[0] in EXAM_SECTIONS:
                self.work_tabs.setCurrentIndex(EXAM_TAB)
                if not (self.guided and path in self.guided_page.fields):
                    self.set_guided(False)
                    if path[0] != self.current_section():
                        self.show_section(path[0])
            elif path[0] in NOTE_ROOTS:
                self.work_tabs.setCurrentIndex(NOTE_TAB)
        if path in (SIDE_PATH, DATE_PATH) or refresh_widget:
            self._refresh_side_marks()
        self._refresh_summaries()

    def _show_part(self, part: str) -> None:
        if part == "plan":
            self.work_tabs.setCurrentIndex(PLAN_TAB)
            self._refresh_plan()
        elif part == "findings":
            self.work_tabs.setCurrentIndex(EXAM_TAB)
            self._show_document()
        elif part == "hints":
            if not self.hints_panel_visible:
                self.set_hints_panel_visible(True)
        else:
            self._show_document()

    def _show_document(self) -> None:
        document = self.session.document
        for path, widget in [*self.fields.items(), *self.guided_page.fields.items()]:
            widget.set_value(get_value(document, path))
        self._refresh_side_marks()
        self._refresh_summaries()
        self.decision_support.evaluate_now(document)

    def _show_record_state(self, record: AssessmentRecord) -> None:
        status = record.assessment.status
        signature = record.signature
        role = self.signing.role_of(signature.signed_by) if signature else None
        self.banner.show_record(status, signature, record.submission, role)
        self.header.set_sign_available(status is not AssessmentStatus.SIGNED)
        self.addenda_panel.setVisible(status is AssessmentStatus.SIGNED)
        if status is AssessmentStatus.SIGNED:
            self._show_addenda()

    def _set_read_only(self, read_only: bool) -> None:
        for widget in [*self.fields.values(), *self.guided_page.fields.values()]:
            widget.set_read_only(read_only)
        for page in self.section_pages.values():
            page.set_read_only(read_only)
        self.guided_page.setEnabled(not read_only)
        self.plan_page.set_read_only(read_only)
        self.hints_panel.set_read_only(read_only)

    def _show_addenda(self) -> None:
        self.addenda_panel.show_addenda(self.signing.trail().addenda)

    # -- display ------------------------------------------------------------------------
    def _refresh_plan(self, *_: object) -> None:
        document = self.session.document
        plan = plan_for_export(document, self.decision_support.evaluation, self.library)
        self.plan_page.show_plan(plan, edited=document.rehab_plan is not None)

    def _refresh_note(self, *_: object) -> None:
        """The note preview, built only while the Note tab shows (it costs a full note)."""
        evaluation = self.decision_support.evaluation
        if self.work_tabs.currentIndex() != NOTE_TAB or evaluation is None:
            return
        document = self.session.document
        plan = plan_for_export(document, evaluation, self.library)
        patient = self.session.patient_record.patient
        self.note_page.show_note(
            build_soap_note(patient, document, evaluation, plan, self.library)
        )

    def _on_work_tab_changed(self, index: int) -> None:
        if index != NOTE_TAB:
            return
        if self.decision_support.pending:
            self.decision_support.evaluate_now()  # evaluated: the note follows
        else:
            self._refresh_note()

    def _refresh_guided(self, *_: object) -> None:
        evaluation = self.decision_support.evaluation
        if evaluation is None:
            return
        document = self.session.document
        asked_elsewhere = (*red_flag_checklist(), *self.kujala_paths)
        self.guided_page.show_wanted(findings_that_matter(evaluation, document, asked_elsewhere))

    def _refresh_summaries(self) -> None:
        document = self.session.document
        self.navigator.show_progress(section_progress(document))
        self.guided_page.show_document(document)
        for page in self.section_pages.values():
            page.refresh_readouts(document)
            page.show_asked(document)
        self.header.show_patient(document.assessment_date)

    def _refresh_side_marks(self) -> None:
        affected = self.session.document.affected_side
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.navigator.fit_width(event.size().width())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
