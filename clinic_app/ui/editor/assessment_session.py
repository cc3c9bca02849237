"""One open assessment: the document, its stored record and version, whether it is
read-only, its undo stack and its autosave.

The session is the model the editor views (as orange-canvas-core's scheme is for its
canvas): undo commands change it, widgets observe its signals, and export and signing
read it. It holds no widgets. A note that is signed or awaiting co-signature is
read-only: nothing can be changed, undone or autosaved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from clinic_app.domain.assessment import Assessment, AssessmentStatus, HintDecision
from clinic_app.domain.decision import HintDecisionKind, stamp_rule_set_version
from clinic_app.domain.document_differences import differing_findings
from clinic_app.domain.fields import Path
from clinic_app.domain.records.roles import User
from clinic_app.domain.records.signature import Addendum
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.services.ports import AssessmentRecord, PatientRecord
from clinic_app.ui.editor.document_command import DocumentEditCommand
from clinic_app.ui.editor.draft_autosaver import DraftAutosaver, now_text
from clinic_app.ui.editor.edit_command import SetFindingCommand

if TYPE_CHECKING:
    from clinic_app.services.assessments import AssessmentService
    from clinic_app.ui.editor.conflict_presenter import ConflictOutcome
    from clinic_app.unsaved_edits import UnsavedEdits

# Gets the stored document this session last saved or loaded (the merge base) and my
# unsaved document after another workstation saved first; None: not settled.
ConflictResolver = Callable[[Assessment, Assessment], "ConflictOutcome | None"]


def _record_state(record: AssessmentRecord) -> tuple[object, ...]:
    return (record.assessment.status, record.signature, record.submission)


class AssessmentSession(QObject):
    findingChanged = Signal(tuple, bool)  # path; True when its widget must show the value
    partChanged = Signal(str)  # "hints" or "plan": a part edited through its own widget
    documentReplaced = Signal()  # a stored version replaced the whole document
    changed = Signal(object)  # Assessment, after any change
    recordChanged = Signal(object)  # AssessmentRecord: status, signature, submission
    readOnlyChanged = Signal(bool)
    addendaChanged = Signal()
    addendumSuggested = Signal(str)  # my entries, after the other workstation signed
    savedAt = Signal(str)
    saveFailed = Signal(str)
    noticed = Signal(str)  # what another workstation changed in this tab ("Merged with ...")
    offline = Signal(int)  # the database cannot be reached: seconds until the next try
    backOnline = Signal()

    def __init__(
        self,
        assessments: AssessmentService,
        patient_record: PatientRecord,
        record: AssessmentRecord,
        parent: QObject | None = None,
        *,
        actor: User | None = None,
        unsaved_edits: UnsavedEdits | None = None,
    ) -> None:
        super().__init__(parent)
        self.patient_record = patient_record
        self.assessment_id = record.id
        self.actor = actor
        self._record = record
        self._document = record.assessment
        self._base = record.assessment  # the stored document last saved or loaded here
        self._addenda: tuple[Addendum, ...] = ()  # as last read by ``follow_stored``
        self._read_only = False
        self.resolve_conflict: ConflictResolver | None = None
        self.undo_stack = QUndoStack(self)
        self._autosaver = DraftAutosaver(
            assessments, record.id, record.version, self,
            actor=actor, conflict_handler=self._settle_conflict, unsaved_edits=unsaved_edits,
        )
        self._autosaver.saved.connect(self._note_stored)
        self._autosaver.saved.connect(self.savedAt)
        self._autosaver.failed.connect(self.saveFailed)
        self._autosaver.offline.connect(self.offline)
        self._autosaver.backOnline.connect(self.backOnline)
        self._apply_record_state(record)

    # -- state ---------------------------------------------------------------------------
    @property
    def document(self) -> Assessment:
        return self._document

    @property
    def record(self) -> AssessmentRecord:
        """The stored record as last read or written (signature, submission)."""
        return self._record

    def shown_record(self) -> AssessmentRecord:
        """The record as this session holds it: the document and version on screen."""
        return replace(self._record, version=self.version, assessment=self._document)

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

    # -- edits (each one undoable) --------------------------------------------------------
    def set_finding(
        self, path: Path, after: Assessment, title: str,
        merge_key: tuple[int, int] | None = None, *, shown: bool = True,
    ) -> None:
        """``after`` differs from the document at ``path``; ``shown``: a widget shows it
        already (typed there), so only undo and redo refresh it."""
        if self._read_only or after == self._document:
            return
        command = SetFindingCommand(self, path, self._document, after, title, merge_key)
        command.from_widget = shown
        self.undo_stack.push(command)

    def edit_document(self, after: Assessment, text: str, part: str) -> None:
        """One undoable step that may change several findings or a part (hints, plan)."""
        if self._read_only or after == self._document:
            return
        self.undo_stack.push(DocumentEditCommand(self, self._document, after, text, part))

    def set_hint_decision(self, rule_id: str, decision: HintDecision) -> None:
        decisions = dict(self._document.hint_decisions)
        if decisions.get(rule_id) == decision:
            return
        decisions[rule_id] = decision
        verb = "Accept" if decision.decision is HintDecisionKind.ACCEPTED else "Dismiss"
        after = self._document.model_copy(update={"hint_decisions": decisions})
        self.edit_document(after, f"{verb} hint", "hints")

    def set_rehab_plan(self, plan: RehabPlan | None, description: str) -> None:
        """Store the clinician's plan (None: follow the findings again)."""
        if plan == self._document.rehab_plan:
            return
        after = self._document.model_copy(update={"rehab_plan": plan})
        self.edit_document(after, description, "plan")

    # -- what commands call ---------------------------------------------------------------
    def apply_finding(self, document: Assessment, path: Path, refresh_widget: bool) -> None:
        self._document = document
        self.findingChanged.emit(path, refresh_widget)
        self._changed()

    def apply_document(self, document: Assessment, part: str) -> None:
        self._document = document
        self.partChanged.emit(part)
        self._changed()

    def _changed(self) -> None:
        self._autosaver.schedule(stamp_rule_set_version(self._document))
        self.changed.emit(self._document)

    # -- saving and the stored record ------------------------------------------------------
    def flush(self) -> bool:
        """Write any pending change now; False if the write was refused (see ``saveFailed``)."""
        return self._autosaver.flush()

    def note_saved(self) -> None:
        """Something was written outside the autosave (a signature, an addendum)."""
        self.savedAt.emit(now_text())

    def _note_stored(self) -> None:
        if not self._autosaver.has_unsaved:  # what is shown is what is stored
            self._base = stamp_rule_set_version(self._document)

    def adopt_record(self, record: AssessmentRecord) -> None:
        """Continue on ``record`` as stored (signed, submitted, returned or theirs)."""
        self._record = record
        self._base = record.assessment
        if record.assessment != self._document:
            self._document = record.assessment
            self.documentReplaced.emit()
        self._apply_record_state(record)
        self.recordChanged.emit(record)

    def follow_stored(
        self, record: AssessmentRecord, addenda: tuple[Addendum, ...]
    ) -> tuple[Path, ...]:
        """Catch up with what another workstation stored: a signature, a co-signature, a
        return for changes, addenda, or a newer draft (merged there, say). A newer draft is
        taken only while nothing here is unsaved: else the next save merges. Returns the
        findings that came in with a newer draft."""
        if addenda != self._addenda:
            self._addenda = addenda
            self.addendaChanged.emit()
        if self.has_unsaved_changes:
            return ()
        if _record_state(record) != _record_state(self._record):
            self.adopt_record(record)
            return ()
        if record.version <= self.version:
            return ()
        came_in = tuple(d.path for d in differing_findings(self._document, record.assessment))
        self.undo_stack.clear()  # its steps were made without their changes
        self.adopt_record(record)
        return came_in

    def _apply_record_state(self, record: AssessmentRecord) -> None:
        locked = record.assessment.status is not AssessmentStatus.DRAFT
        if locked:
            self._autosaver.lock(record.version)
            self.undo_stack.clear()  # nothing of a signed note can be undone
        else:
            self._autosaver.unlock(record.version, record.assessment)
        if locked != self._read_only:
            self._read_only = locked
            self.readOnlyChanged.emit(locked)

    def _settle_conflict(self, mine: Assessment) -> bool:
        """The autosave was refused: another workstation saved first. True once settled."""
        resolve = self.resolve_conflict
        outcome = resolve(self._base, mine) if resolve is not None else None
        if outcome is None:
            return False
        self._autosaver.rebase(outcome.record.version, outcome.record.assessment)
        if outcome.notice:
            self.noticed.emit(outcome.notice)
        if outcome.mine_stored:
            self._record = outcome.record
            self._base = outcome.record.assessment
            return True
        # Its steps were made on my version alone: undoing one now would drop their changes.
        self.undo_stack.clear()
        self.adopt_record(outcome.record)
        if outcome.addendum_text and self.accepts_addenda:
            self.addendumSuggested.emit(outcome.addendum_text)
        return True
