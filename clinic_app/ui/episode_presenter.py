"""The episode of care in the main window: New follow-up, Discharge, Save follow-up to
calendar, and the "Due for follow-up" list below the patient lists.

Wired into the window with a few lines; it reads the window's selection and calls the
episode and export services. Each action is enabled only when it applies to the
selection and, when it does not, its tooltip says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from clinic_app.ui.due_list_panel import DueListPanel
from clinic_app.ui.export_presenter import ExportFileDialog, suggested_file_name
from clinic_app.ui.failure_message import failure_message
from clinic_app.ui.role_gate import apply_role_gate

if TYPE_CHECKING:
    from clinic_app.services.episodes import VisitPlace
    from clinic_app.services.ports import PatientRecord
    from clinic_app.ui.follow_up_dialog import FollowUpDialog, FollowUpEntry
    from clinic_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

NEW_FOLLOW_UP = "newFollowUpAction"
DISCHARGE = "dischargeAction"
CALENDAR = "saveFollowUpCalendarAction"
DUE_LIST_STRETCH = 1  # below the patients (3) and their assessments (2)


class CalendarFileDialog(ExportFileDialog):
    FILTER = "iCalendar files (*.ics)"
    SUFFIX = ".ics"


@dataclass(frozen=True)
class Availability:
    """Whether an action applies to the selection, and why not when it does not."""

    reason: str = ""
    note: str = ""  # said in the tooltip when enabled

    @property
    def enabled(self) -> bool:
        return not self.reason


class EpisodePresenter(QObject):
    def __init__(self, window: MainWindow, today: Callable[[], date] = date.today) -> None:
        super().__init__(window)
        self._window = window
        self.today = today
        self.dialog: FollowUpDialog | None = None
        self.due_panel = DueListPanel(window.patient_panel)
        window.patient_panel.layout().addWidget(self.due_panel, DUE_LIST_STRETCH)
        actions = window.action_registry
        self._tips = {name: actions[name].toolTip()
                      for name in (NEW_FOLLOW_UP, DISCHARGE, CALENDAR)}
        actions[NEW_FOLLOW_UP].triggered.connect(self.new_follow_up)
        actions[DISCHARGE].triggered.connect(self.discharge)
        actions[CALENDAR].triggered.connect(self.save_follow_up_to_calendar)
        self.due_panel.patientChosen.connect(self.open_patient)
        window.change_watcher.changed.connect(self.refresh)
        window.patient_table.selectionModel().selectionChanged.connect(self.update_actions)
        window.assessment_table.selectionModel().selectionChanged.connect(self.update_actions)
        window.assessments.model.modelReset.connect(self.update_actions)
        window.session.userChanged.connect(self.update_actions)
        self.update_actions()

    def attach(self) -> None:
        self.refresh()

    # -- the due list --------------------------------------------------------------------

    def refresh(self) -> None:
        """Who is due back, as stored now (also after another workstation's change)."""
        services = self._window.services
        if services is None:
            return
        today = self.today()
        try:
            due = services.episodes.due(today)
        except Exception as error:  # the change watcher reports a lost connection
            log.error("the due list could not be read: %s", type(error).__name__)
            return
        self.due_panel.show_due(due, today)
        self.update_actions()

    def open_patient(self, patient_id: int) -> None:
        """Select the patient and show their assessments, newest first."""
        window = self._window
        if not window.patients.reveal(patient_id) or not window.select_patient(patient_id):
            window.statusBar().showMessage("That patient is no longer in the database", 6000)
            return
        window.assessment_table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- availability --------------------------------------------------------------------

    def update_actions(self, *_: object) -> None:
        actions = self._window.action_registry
        place = self._selected_place()
        for name, availability in ((NEW_FOLLOW_UP, self._follow_up_availability()),
                                   (DISCHARGE, _discharge_availability(place)),
                                   (CALENDAR, _calendar_availability(place))):
            _show(actions[name], self._tips[name], availability)
        apply_role_gate(actions, self._window.session.user)

    def _follow_up_availability(self) -> Availability:
        window = self._window
        if window.services is None or window.selected_patient() is None:
            return Availability("select a patient first")
        if not window.assessments.model.rowCount():
            return Availability("the patient has no assessment yet: start with New assessment")
        return Availability()

    def _selected_place(self) -> VisitPlace | None:
        window = self._window
        assessment_id = window.selected_assessment_id()
        if window.services is None or assessment_id is None:
            return None
        try:
            return window.services.episodes.place(assessment_id)
        except Exception as error:  # deleted meanwhile, or the connection is lost
            log.error("a visit could not be read: %s", type(error).__name__)
            return None

    # -- intents -------------------------------------------------------------------------

    def new_follow_up(self) -> None:
        from clinic_app.services.episodes import NothingToFollowUpError
        from clinic_app.ui.follow_up_dialog import FollowUpDialog

        window = self._window
        patient = window.selected_patient()
        if patient is None or window.services is None:
            return
        try:
            start = window.services.episodes.follow_up_form(patient.id)
        except NothingToFollowUpError as error:
            window.statusBar().showMessage(str(error), 8000)
            return
        dialog = FollowUpDialog(start, self.today(), window.suggested_clinician(), window)
        dialog.saveRequested.connect(lambda entry: self._save_follow_up(dialog, patient, entry))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _save_follow_up(self, dialog: FollowUpDialog, patient: PatientRecord,
                        entry: FollowUpEntry) -> None:
        from clinic_app.domain.fields import FieldError, shortened
        from clinic_app.domain.plausible_dates import ImplausibleDateError
        from clinic_app.ui.follow_up_dialog import DATE_PATH

        window = self._window
        assert window.services is not None and entry.on is not None
        try:
            record = window.services.episodes.record_follow_up(
                patient.id, entry.on, entry.clinician, entry.values, move_on=entry.move_on,
                actor=window.session.actor)
        except FieldError as error:
            dialog.show_refusal(
                f"Not saved: {error.title or '.'.join(error.path)}: {shortened(error.value)} "
                f"is not allowed; expected {error.allowed}", error.path)
            return
        except ImplausibleDateError as error:
            dialog.show_refusal(f"Not saved: {error}", DATE_PATH)
            return
        except Exception as error:
            log.error("a follow-up could not be saved: %s", type(error).__name__)
            dialog.show_refusal(failure_message("Not saved", error))
            return
        dialog.accept()
        window.refresh_lists()
        self.refresh()
        window.open_assessment_by_id(record.id)  # the hints judge it against the baseline
        window.statusBar().showMessage("Follow-up saved", 6000)

    def discharge(self) -> Path | None:
        """Close the episode at the selected visit and save its discharge summary."""
        from clinic_app.services.exporting import DocumentKind

        place = self._selected_place()
        if not _discharge_availability(place).enabled or place is None:
            return None
        assessment_id = place.facts.assessment_id

        def discharge_first() -> bool:
            return self._flushed(assessment_id) and self._discharged(place)

        target = self._window.exports.export_file(
            assessment_id, DocumentKind.DISCHARGE_PDF,
            self._file_name("discharge summary", place), title="Discharge: save the summary",
            before=discharge_first)
        self.refresh()
        self._window.refresh_lists()
        return target

    def save_follow_up_to_calendar(self) -> Path | None:
        from clinic_app.services.exporting import DocumentKind

        place = self._selected_place()
        if not _calendar_availability(place).enabled or place is None:
            return None
        assessment_id = place.facts.assessment_id
        name = Path(self._file_name("follow-up", place)).with_suffix(".ics").name
        return self._window.exports.export_file(
            assessment_id, DocumentKind.FOLLOW_UP_ICS, name, ask=CalendarFileDialog.ask,
            title="Save the follow-up to a calendar file",
            before=lambda: self._flushed(assessment_id))

    # -- steps ---------------------------------------------------------------------------

    def _file_name(self, what: str, place: VisitPlace) -> str:
        patient = self._window.selected_patient()
        name = patient.patient.display_name if patient is not None else ""
        return suggested_file_name(what, name, place.facts.visit_date.isoformat())

    def _flushed(self, assessment_id: int) -> bool:
        """An open editor's latest typing is stored first: the document is the stored one."""
        editor = self._window.editor_area.editor_for(assessment_id)
        if editor is not None and not editor.session.flush():
            self._window.statusBar().showMessage(
                "Not exported: the latest changes could not be saved", 10000)
            return False
        return True

    def _discharged(self, place: VisitPlace) -> bool:
        from clinic_app.domain.episode.visits import VisitKind

        window = self._window
        if place.facts.kind is VisitKind.DISCHARGE:
            return True  # discharged before: the summary is written again
        try:
            assert window.services is not None
            window.services.episodes.discharge(place.facts.assessment_id,
                                               actor=window.session.actor)
        except Exception as error:
            log.error("a discharge failed: %s", type(error).__name__)
            window.statusBar().showMessage(failure_message("Not discharged", error), 10000)
            return False
        return True


def _discharge_availability(place: VisitPlace | None) -> Availability:
    if place is None:
        return Availability("select the patient's newest assessment first")
    if not place.newest:
        return Availability("only the patient's newest visit can be the discharge")
    from clinic_app.domain.episode.visits import VisitKind

    if place.facts.kind is VisitKind.DISCHARGE:
        return Availability(note="discharged at this visit: saves the summary again")
    return Availability()


def _calendar_availability(place: VisitPlace | None) -> Availability:
    if place is None:
        return Availability("select an assessment first")
    if place.facts.follow_up_date is None:
        return Availability("this visit has no follow-up date: set one on its Note tab")
    return Availability()


def _show(action: QAction, tip: str, availability: Availability) -> None:
    action.setEnabled(availability.enabled)
    if availability.enabled:
        text = f"{tip} ({availability.note})" if availability.note else tip
    else:
        text = f"{tip}. Not available: {availability.reason}"
    action.setToolTip(text)
    action.setStatusTip(text)
