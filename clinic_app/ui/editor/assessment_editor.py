"""The assessment editor: header, the exam (navigator and one page per section), the note
and rehab plan pages, and the decision-support panel beside them.

Every user edit goes through ``domain.fields.with_value`` and becomes a ``SetFindingCommand``
on ``undo_stack``; decisions on hints and plan edits become ``DocumentEditCommand``s. The
document is autosaved shortly after each change, stamped with the decision rule-set version.
Only the widget of the changed finding, the derived readouts and the navigator counts are
refreshed per edit; the hints are re-evaluated once editing pauses.

A note that is signed or awaiting co-signature is shown read-only under a banner (with its
addenda once signed): nothing can be typed, undone or autosaved. A save refused because
another workstation saved first opens the conflict dialog.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.assessment import (
    EXAM_SECTIONS,
    Assessment,
    AssessmentStatus,
    HintDecision,
)
from clinic_app.domain.decision import HintDecisionKind, stamp_rule_set_version
from clinic_app.domain.fields import FieldError, Path, get_value, spec_index, with_value
from clinic_app.domain.model_base import AffectedSide
from clinic_app.domain.progress import section_progress
from clinic_app.domain.records.roles import User
from clinic_app.domain.rehab.builder import plan_for_export
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.services.ports import AssessmentRecord, PatientRecord
from clinic_app.ui.decision_support_presenter import DecisionSupportPresenter
from clinic_app.ui.editor.addenda_panel import AddendaPanel
from clinic_app.ui.editor.conflict_presenter import ConflictPresenter
from clinic_app.ui.editor.current_page_stack import CurrentPageStack
from clinic_app.ui.editor.document_command import DocumentEditCommand
from clinic_app.ui.editor.draft_autosaver import DraftAutosaver, now_text
from clinic_app.ui.editor.edit_command import SetFindingCommand
from clinic_app.ui.editor.editor_header import DATE_PATH, SIDE_PATH, EditorHeader
from clinic_app.ui.editor.fields.base import FieldWidget, UnparsedText
from clinic_app.ui.editor.fields.pain_map_field import PainMapField
from clinic_app.ui.editor.hints_splitter import HintsSplitter
from clinic_app.ui.editor.note_page import NOTE_ROOTS, NotePage
from clinic_app.ui.editor.plan_page import PlanPage
from clinic_app.ui.editor.record_banner import RecordBanner
from clinic_app.ui.editor.record_notice import RecordNotice
from clinic_app.ui.editor.section_navigator import SECTION_TITLES, SectionNavigator
from clinic_app.ui.editor.section_page import SectionPage
from clinic_app.ui.editor.signing_presenter import ADDENDUM_TITLE, SIGN_TITLE, SigningPresenter
from clinic_app.ui.exercise_library import exercise_library
from clinic_app.ui.hints_panel import HintsPanel
from clinic_app.ui.services_port import UiServices

EXAM_TAB, NOTE_TAB, PLAN_TAB = 0, 1, 2
NOT_SIGNED_UNSAVED = (
    "Not signed: the latest changes could not be saved (see the status bar), and a note "
    "is only signed as it is stored."
)
ADDENDA_ARE_FOR_SIGNED = "Addenda are for signed notes: a draft is simply edited."


def refusal_text(value: Any, allowed: str, kept: Any) -> str:
    shown = "(empty)" if value is None else str(value)
    kept_text = "not assessed" if kept is None else str(getattr(kept, "value", kept))
    return f"{shown} is not allowed: expected {allowed}. Kept: {kept_text}"


class AssessmentEditor(QWidget):
    savedAt = Signal(str)
    saveFailed = Signal(str)
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
    ) -> None:
        """``actor``: the logged-in user; None for an installation without a login."""
        super().__init__(parent)
        self.setObjectName("assessmentEditor")
        self.patient_record = patient_record
        self.assessment_id = assessment_record.id
        self.actor = actor
        self._record = assessment_record  # signature and submission of the stored version
        self._document = assessment_record.assessment
        self._read_only = False
        self.undo_stack = QUndoStack(self)
        self._autosaver = DraftAutosaver(
            services.assessments, assessment_record.id, assessment_record.version, self,
            actor=actor, conflict_handler=self._settle_conflict,
        )
        self._autosaver.saved.connect(self.savedAt)
        self._autosaver.failed.connect(self.saveFailed)
        self.signing = SigningPresenter(
            services, patient_record.patient, assessment_record.id, actor, self
        )
        self.conflicts = ConflictPresenter(services, assessment_record.id, actor, self)

        self.header = EditorHeader(patient_record.patient, self)
        self.header.signRequested.connect(self.sign)
        self.banner = RecordBanner(self)
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
        self.note_page = NotePage(self)
        self.library = exercise_library()
        self.plan_page = PlanPage(self.library, self)
        self.hints_panel = HintsPanel(self)
        self._build_layout()

        self.decision_support = DecisionSupportPresenter(
            patient_record.patient,
            services.history.earlier_than(assessment_record.id),
            self.hints_panel,
            self,
        )
        self.decision_support.topUrgencyChanged.connect(self.topUrgencyChanged)
        self.decision_support.evaluated.connect(self._refresh_plan)
        self.hints_panel.goToFindingRequested.connect(self.go_to)
        self.hints_panel.hintDecisionRequested.connect(self.set_hint_decision)
        self.plan_page.planChangeRequested.connect(self.set_rehab_plan)
        self.assessmentChanged.connect(self.decision_support.schedule)

        self.fields: dict[Path, FieldWidget] = dict(self.header.fields)
        for page in self.section_pages.values():
            self.fields.update(page.fields)
        self.fields.update(self.note_page.fields)
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
        self.decision_support.evaluate_now(self._document)
        self._show_record_state(assessment_record)

    def _build_layout(self) -> None:
        exam = QSplitter(Qt.Orientation.Horizontal, self)
        exam.addWidget(self.navigator)
        exam.addWidget(self.scroll)
        exam.setStretchFactor(1, 1)
        exam.setChildrenCollapsible(False)
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
        layout.addWidget(self.addenda_panel)
        layout.addWidget(self.body_splitter, 1)

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

    @property
    def status(self) -> AssessmentStatus:
        return self._document.status

    @property
    def read_only(self) -> bool:
        """True while the note is signed or awaiting co-signature."""
        return self._read_only

    @property
    def can_be_signed(self) -> bool:
        """Signing (or submitting, co-signing) is still to come."""
        return self._document.status is not AssessmentStatus.SIGNED

    @property
    def accepts_addenda(self) -> bool:
        return self._document.status is AssessmentStatus.SIGNED

    def sign(self) -> bool:
        """Save, then ask to sign (submit, co-sign or return) the note; True when done."""
        if not self.can_be_signed:
            return False
        if not self.flush():
            RecordNotice.show(self, SIGN_TITLE, NOT_SIGNED_UNSAVED)
            return False
        if not self.can_be_signed:  # settling a conflict may have taken a signed version
            return False
        shown = replace(self._record, version=self.version, assessment=self._document)
        stored = self.signing.sign(shown)
        if stored is None:
            return False
        self._adopt_record(stored)
        self.savedAt.emit(now_text())
        return True

    def add_addendum(self, text: str = "") -> bool:
        """Ask for an addendum to the signed note (``text`` pre-filled); True when added."""
        if not self.accepts_addenda:
            RecordNotice.show(self, ADDENDUM_TITLE, ADDENDA_ARE_FOR_SIGNED)
            return False
        if self.signing.add_addendum(text) is None:
            return False
        self._show_addenda()
        self.savedAt.emit(now_text())
        return True

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

    def go_to(self, path: tuple[str, ...]) -> None:
        """Show the page of a finding and put the keyboard focus on its input."""
        widget = self.fields.get(path)
        if widget is None:
            raise KeyError(f"no finding at {'.'.join(path)}")
        if path[0] in EXAM_SECTIONS:
            self.work_tabs.setCurrentIndex(EXAM_TAB)
            self.show_section(path[0])
            self.scroll.ensureWidgetVisible(widget, 50, 80)
        elif path[0] in NOTE_ROOTS:
            self.work_tabs.setCurrentIndex(NOTE_TAB)
        widget.focus_input()

    def set_hint_decision(self, rule_id: str, decision: HintDecision) -> None:
        """Record the clinician's decision on a hint as an undoable edit."""
        decisions = dict(self._document.hint_decisions)
        if self._read_only or decisions.get(rule_id) == decision:
            return
        decisions[rule_id] = decision
        verb = "Accept" if decision.decision is HintDecisionKind.ACCEPTED else "Dismiss"
        after = self._document.model_copy(update={"hint_decisions": decisions})
        self.undo_stack.push(
            DocumentEditCommand(
                self._adopt_document, self._document, after, f"{verb} hint", "hints"
            )
        )

    def set_rehab_plan(self, plan: RehabPlan | None, description: str) -> None:
        """Store the clinician's plan (None: follow the findings again) as an undoable edit."""
        if self._read_only or plan == self._document.rehab_plan:
            return
        after = self._document.model_copy(update={"rehab_plan": plan})
        self.undo_stack.push(
            DocumentEditCommand(self._adopt_document, self._document, after, description, "plan")
        )

    # -- edits --------------------------------------------------------------------------
    def _on_edited(self, path: Path, value: Any) -> None:
        widget = self.fields[path]
        if self._read_only:  # widgets are read-only too; this is the last line of defence
            widget.set_value(get_value(self._document, path))
            return
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
            if path[0] in EXAM_SECTIONS:
                self.work_tabs.setCurrentIndex(EXAM_TAB)
                if path[0] != self.current_section():
                    self.show_section(path[0])
            elif path[0] in NOTE_ROOTS:
                self.work_tabs.setCurrentIndex(NOTE_TAB)
        else:
            widget.note_applied(value)
        if path in (SIDE_PATH, DATE_PATH) or refresh_widget:
            self._refresh_side_marks()
        self._refresh_summaries()
        self._changed(document)

    def _adopt_document(self, document: Assessment, page: str) -> None:
        self._document = document
        if page == "plan":
            self.work_tabs.setCurrentIndex(PLAN_TAB)
            self._refresh_plan()
        elif not self.hints_panel_visible:
            self.set_hints_panel_visible(True)
        self._changed(document)

    def _changed(self, document: Assessment) -> None:
        self._autosaver.schedule(stamp_rule_set_version(document))
        self.assessmentChanged.emit(document)

    # -- the stored record ---------------------------------------------------------------
    def _adopt_record(self, record: AssessmentRecord) -> None:
        """Continue on ``record`` as stored (signed, submitted, returned or theirs)."""
        self._record = record
        if record.assessment != self._document:
            self._document = record.assessment
            for path, widget in self.fields.items():
                widget.set_value(get_value(self._document, path))
            self._refresh_side_marks()
            self._refresh_summaries()
            self.decision_support.evaluate_now(self._document)
        self._show_record_state(record)

    def _show_record_state(self, record: AssessmentRecord) -> None:
        status = record.assessment.status
        locked = status is not AssessmentStatus.DRAFT
        if locked:
            self._autosaver.lock(record.version)
        else:
            self._autosaver.unlock(record.version)
        if locked != self._read_only:
            self._set_read_only(locked)
        signature = record.signature
        role = self.signing.role_of(signature.signed_by) if signature else None
        self.banner.show_record(status, signature, record.submission, role)
        self.header.set_sign_available(status is not AssessmentStatus.SIGNED)
        self.addenda_panel.setVisible(status is AssessmentStatus.SIGNED)
        if status is AssessmentStatus.SIGNED:
            self._show_addenda()

    def _set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in self.fields.values():
            widget.set_read_only(read_only)
        self.plan_page.set_read_only(read_only)
        self.hints_panel.set_read_only(read_only)
        if read_only:
            self.undo_stack.clear()  # nothing of a signed note can be undone

    def _show_addenda(self) -> None:
        self.addenda_panel.show_addenda(self.signing.trail().addenda)

    def _settle_conflict(self, mine: Assessment) -> bool:
        """The autosave was refused: another workstation saved first. True once settled."""
        outcome = self.conflicts.resolve(mine)
        if outcome is None:
            return False
        self._autosaver.rebase(outcome.record.version)
        if outcome.mine_stored:
            self._record = outcome.record
            return True
        self.undo_stack.clear()  # its steps were made on my version, now kept in the history
        self._adopt_record(outcome.record)
        if outcome.addendum_text and self.accepts_addenda:
            self.add_addendum(outcome.addendum_text)
        return True

    # -- display ------------------------------------------------------------------------
    def _refresh_plan(self, *_: object) -> None:
        document = self._document
        plan = plan_for_export(document, self.decision_support.evaluation, self.library)
        self.plan_page.show_plan(plan, edited=document.rehab_plan is not None)

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.navigator.fit_width(event.size().width())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
