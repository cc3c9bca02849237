"""Every QAction of the main window, created in one place.

Each action has an ``objectName`` (tests and the toolbar find actions by it) and the
platform's standard shortcut where Qt defines one. Undo and redo come from the
window's QUndoGroup so they always act on the active editor's stack.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QWidget

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    tip: str
    shortcuts: tuple[QKeySequence, ...] = ()
    theme_icon: str = ""
    checkable: bool = False


def _keys(*keys: StandardKey | str) -> tuple[QKeySequence, ...]:
    """The standard bindings first (they differ per platform), then the extra ones, deduplicated."""
    sequences: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, StandardKey):
            found = QKeySequence.keyBindings(key)
        else:
            found = [QKeySequence(key)]
        sequences.extend(seq for seq in found if seq not in sequences)
    return tuple(sequences)


def action_specs() -> tuple[ActionSpec, ...]:
    return (
        ActionSpec("newPatientAction", "&New patient…", "Register a new patient",
                   _keys(StandardKey.New), "contact-new"),
        ActionSpec("editPatientAction", "&Edit patient…", "Edit the selected patient's details",
                   _keys("Ctrl+E"), "document-properties"),
        ActionSpec("newAssessmentAction", "New &assessment…",
                   "Start an assessment for the selected patient",
                   _keys("Ctrl+Shift+N"), "document-new"),
        ActionSpec("openAssessmentAction", "&Open assessment", "Open the selected assessment",
                   _keys(StandardKey.Open), "document-open"),
        ActionSpec("closeAssessmentAction", "&Close assessment", "Save and close this assessment",
                   _keys(StandardKey.Close), "document-close"),
        ActionSpec("findAction", "&Find patient", "Search by name, birth date or identifier",
                   _keys(StandardKey.Find), "edit-find"),
        ActionSpec("nextSectionAction", "Next &section", "Go to the next exam section",
                   _keys("Ctrl+PgDown"), "go-next"),
        ActionSpec("previousSectionAction", "&Previous section", "Go to the previous exam section",
                   _keys("Ctrl+PgUp"), "go-previous"),
        ActionSpec("signAssessmentAction", "&Sign\u2026",
                   "Sign this assessment (a student submits it for co-signature)",
                   _keys("Ctrl+Alt+S"), ""),
        ActionSpec("addAddendumAction", "Add a&ddendum\u2026",
                   "Add a correction or later remark to this signed note",
                   _keys("Ctrl+Alt+A"), ""),
        ActionSpec("exportSoapPdfAction", "Export SOAP &note (PDF)…",
                   "Save this assessment's SOAP note as a PDF",
                   _keys("Ctrl+Alt+E"), "document-export"),
        ActionSpec("exportPlanPdfAction", "Export &rehab plan (PDF)…",
                   "Save the patient's rehab plan as a PDF",
                   _keys("Ctrl+Shift+E"), "document-print"),
        ActionSpec("copySoapTextAction", "&Copy SOAP note as text",
                   "Copy the SOAP note as plain text, for pasting into another record system",
                   _keys("Ctrl+Shift+C"), "edit-copy"),
        ActionSpec("openAfterExportAction", "Open PDF after e&xport",
                   "Open each exported PDF in the system's viewer", (), "", checkable=True),
        ActionSpec("clinicDetailsAction", "&Welcome and clinic details…",
                   "Clinic and clinician details printed on the documents; demo patients",
                   (), ""),
        ActionSpec("toggleHintsPanelAction", "&Hints panel",
                   "Show or hide the decision-support panel beside the exam",
                   _keys("F9"), "", checkable=True),
        ActionSpec("togglePatientListAction", "Show &patient list",
                   "Show or hide the patient search and lists beside an open assessment",
                   _keys("Ctrl+L"), "", checkable=True),
        ActionSpec("draftsAction", "&Drafts…",
                   "Your unsigned drafts: open one to continue where you left off", (), ""),
        ActionSpec("switchUserAction", "S&witch user…",
                   "Save and close the open assessments and let another user log in", (), ""),
        ActionSpec("quitAction", "&Quit", "Save open assessments and quit",
                   _keys(StandardKey.Quit, "Ctrl+Q"), "application-exit"),
        ActionSpec("aboutAction", "&About Clinic App", "Version and licence", (), "help-about"),
        ActionSpec("practiceCaseAction", "Practice &case…",
                   "Examine a simulated patient and get scored feedback (students)", (), ""),
        ActionSpec("practiceAttemptsAction", "Practice &attempts…",
                   "Attempts by student and case, CSV export, add your own cases (supervisors)",
                   (), ""),
        ActionSpec("progressAction", "&Progress…",
                   "The selected patient's progress across the visits of the episode",
                   _keys("Ctrl+Shift+G"), ""),
        ActionSpec("importCaseFilesAction", "&Import case files…",
                   "Store case files (JSON) as draft assessments; a patient already stored is "
                   "matched, never duplicated", (), "document-import"),
        ActionSpec("exportFhirAction", "Export as &FHIR document…",
                   "Save this assessment as a FHIR R4 document (JSON) for another record "
                   "system", (), "document-export"),
        ActionSpec("newFollowUpAction", "New &follow-up\u2026",
                   "A short re-assessment of the selected patient, beside last time's values",
                   _keys("Ctrl+Shift+F"), ""),
        ActionSpec("dischargeAction", "D&ischarge\u2026",
                   "Close the episode at the selected (newest) visit and save the discharge "
                   "summary as a PDF", (), ""),
        ActionSpec("saveFollowUpCalendarAction", "Save follow-up to &calendar\u2026",
                   "Save the selected visit's follow-up date as an iCalendar (.ics) file for "
                   "the patient", (), "x-office-calendar"),
        ActionSpec("versionHistoryAction", "&Version history\u2026",
                   "Who saved each version of this assessment and when, what changed, and "
                   "bringing a finding back", (), "document-open-recent"),
    )


class ActionRegistry:
    """Creates the actions for ``parent`` and looks them up by objectName."""

    def __init__(self, parent: QWidget, undo_group: QUndoGroup) -> None:
        self._actions: dict[str, QAction] = {}
        for spec in action_specs():
            action = QAction(spec.text, parent)
            self._configure(action, spec)
        undo = undo_group.createUndoAction(parent, "&Undo")
        self._configure(undo, ActionSpec("undoAction", "", "Undo the last change",
                                         _keys(StandardKey.Undo), "edit-undo"))
        redo = undo_group.createRedoAction(parent, "&Redo")
        self._configure(redo, ActionSpec("redoAction", "", "Redo the change just undone",
                                         _keys(StandardKey.Redo, "Ctrl+Shift+Z"), "edit-redo"))
        for action in self._actions.values():
            parent.addAction(action)  # shortcuts work even when the action is in no visible menu

    def _configure(self, action: QAction, spec: ActionSpec) -> None:
        action.setObjectName(spec.name)
        action.setCheckable(spec.checkable)
        if spec.text:
            action.setText(spec.text)
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
        if spec.shortcuts:
            action.setShortcuts(list(spec.shortcuts))
        if spec.theme_icon and QIcon.hasThemeIcon(spec.theme_icon):
            action.setIcon(QIcon.fromTheme(spec.theme_icon))
        self._actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    @property
    def new_patient(self) -> QAction:
        return self._actions["newPatientAction"]

    @property
    def edit_patient(self) -> QAction:
        return self._actions["editPatientAction"]

    @property
    def new_assessment(self) -> QAction:
        return self._actions["newAssessmentAction"]

    @property
    def open_assessment(self) -> QAction:
        return self._actions["openAssessmentAction"]

    @property
    def close_assessment(self) -> QAction:
        return self._actions["closeAssessmentAction"]

    @property
    def find(self) -> QAction:
        return self._actions["findAction"]

    @property
    def next_section(self) -> QAction:
        return self._actions["nextSectionAction"]

    @property
    def previous_section(self) -> QAction:
        return self._actions["previousSectionAction"]

    @property
    def sign_assessment(self) -> QAction:
        return self._actions["signAssessmentAction"]

    @property
    def add_addendum(self) -> QAction:
        return self._actions["addAddendumAction"]

    @property
    def export_soap_pdf(self) -> QAction:
        return self._actions["exportSoapPdfAction"]

    @property
    def export_plan_pdf(self) -> QAction:
        return self._actions["exportPlanPdfAction"]

    @property
    def copy_soap_text(self) -> QAction:
        return self._actions["copySoapTextAction"]

    @property
    def open_after_export(self) -> QAction:
        return self._actions["openAfterExportAction"]

    @property
    def clinic_details(self) -> QAction:
        return self._actions["clinicDetailsAction"]

    @property
    def toggle_hints_panel(self) -> QAction:
        return self._actions["toggleHintsPanelAction"]

    @property
    def toggle_patient_list(self) -> QAction:
        return self._actions["togglePatientListAction"]

    @property
    def drafts(self) -> QAction:
        return self._actions["draftsAction"]

    @property
    def switch_user(self) -> QAction:
        return self._actions["switchUserAction"]

    @property
    def quit(self) -> QAction:
        return self._actions["quitAction"]

    @property
    def about(self) -> QAction:
        return self._actions["aboutAction"]

    @property
    def undo(self) -> QAction:
        return self._actions["undoAction"]

    @property
    def redo(self) -> QAction:
        return self._actions["redoAction"]

    @property
    def practice_case(self) -> QAction:
        return self._actions["practiceCaseAction"]

    @property
    def practice_attempts(self) -> QAction:
        return self._actions["practiceAttemptsAction"]

    @property
    def export_fhir(self) -> QAction:
        return self._actions["exportFhirAction"]
