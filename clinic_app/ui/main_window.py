"""The main window: find a patient, see their assessments, work in open assessments.

Widgets here only render and forward intents; the presenters call the services.
The window can be shown before the database is open (``attach`` comes later), so
this module imports nothing of the domain, SQL or PDF layers at start-up.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app import __version__
from clinic_app.ui.actions import ActionRegistry
from clinic_app.ui.assessment_list_presenter import AssessmentListPresenter
from clinic_app.ui.assessment_table_model import (
    COL_CLINICIAN,
    AssessmentIdRole,
    AssessmentTableModel,
)
from clinic_app.ui.change_watcher import ChangeWatcher
from clinic_app.ui.drafts_dialog import DraftsDialog
from clinic_app.ui.editor_area import EditorArea, EditorFactory, assessment_editor
from clinic_app.ui.episode_presenter import EpisodePresenter
from clinic_app.ui.export_presenter import ExportPresenter
from clinic_app.ui.import_presenter import ImportPresenter
from clinic_app.ui.login_dialog import LoginDialog
from clinic_app.ui.new_assessment_dialog import NewAssessmentDialog
from clinic_app.ui.open_tabs_refresher import OpenTabsRefresher
from clinic_app.ui.patient_list_presenter import PAGE_SIZE, PatientListPresenter
from clinic_app.ui.patient_table_model import COL_NAME, PatientRecordRole, PatientTableModel
from clinic_app.ui.pick_table import make_pick_table
from clinic_app.ui.practice.practice_presenter import PracticePresenter
from clinic_app.ui.recovery_journal import RecoveryJournal
from clinic_app.ui.role_gate import apply_role_gate
from clinic_app.ui.session import Session
from clinic_app.ui.settings import AppSettings
from clinic_app.ui.version_history_presenter import VersionHistoryPresenter
from clinic_app.ui.welcome_dialog import welcome

if TYPE_CHECKING:
    from collections.abc import Callable

    from clinic_app.domain.patient_listing import ListedRecord
    from clinic_app.services.ports import PatientRecord
    from clinic_app.ui.services_port import UiServices

WINDOW_TITLE = "Clinic App"
DEFAULT_SIZE = (1200, 760)
PATIENT_PANEL_MIN_WIDTH = 360  # name, birth date, sex and identifier stay readable
# Narrower than this, an open assessment hides the patient list until the user shows it
# (Ctrl+L): the exam form, section list and hints panel need the width of a laptop screen.
WIDE_ENOUGH_FOR_PATIENT_LIST = 1600
PATIENT_LIST_HIDDEN_MESSAGE = "Patient list hidden to make room: Ctrl+L shows it"
SEARCH_PLACEHOLDER = "Name, date of birth (YYYY-MM-DD or DD.MM.YYYY) or identifier"
OPENING_MESSAGE = "Opening the patient database\u2026"
RECOVERED_MESSAGE = "Recovered {count} that {verb} open when Clinic App stopped unexpectedly"
RECOVERED_MESSAGE_MS = 30000


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: UiServices | None,
        settings: AppSettings,
        editor_factory: EditorFactory = assessment_editor,
        parent: QWidget | None = None,
    ) -> None:
        """Without ``services`` the window shows, disabled, until ``attach`` gives them."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self._settings = settings
        self.services: UiServices | None = None
        self.undo_group = QUndoGroup(self)
        self.action_registry = ActionRegistry(self, self.undo_group)

        self.session = Session(self)  # who works here: every service call acts as them
        self.recovery = RecoveryJournal(settings)
        self.change_watcher = ChangeWatcher(parent=self)
        self.patients = PatientListPresenter(PatientTableModel(self), self.session, parent=self)
        self.assessments = AssessmentListPresenter(AssessmentTableModel(self), self.session, self)
        self.editor_area = EditorArea(self.undo_group, self.session, editor_factory, self)
        self.open_tabs = OpenTabsRefresher(self.editor_area, self)
        self.version_history = VersionHistoryPresenter(self)
        self.exports = ExportPresenter(
            settings, self.editor_area.current_session, self.session, self
        )

        self.practice = PracticePresenter(self.session, self)
        self.imports = ImportPresenter(lambda: self.services, self.session, self)

        self._build_central()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._connect()
        self._set_tab_order()
        self._restore_layout()
        self.episode = EpisodePresenter(self)  # follow-up, discharge, calendar, due list
        if services is None:
            self._show_opening()
        else:
            self.attach(services)

    def attach(self, services: UiServices, *, several_accounts: bool | None = None) -> None:
        """Start working over ``services``: fill the lists and restore the last patient.
        ``several_accounts``: whether a login is required, when the caller already asked."""
        self.services = services
        self.patients.attach(services)
        self.assessments.attach(services)
        self.editor_area.attach(services)
        self.open_tabs.attach(services)
        self.version_history.attach(services)
        self.exports.attach(services)
        self.practice.attach(services.practice)
        self.centralWidget().setEnabled(True)
        self.statusBar().clearMessage()
        # The baseline before the lists are read: a change made meanwhile is not missed.
        self.change_watcher.watch(services.changes.token)
        self._restore_selection()
        self._recover_open_assessments()
        self._update_switch_user(several_accounts)
        self._update_actions()
        self.episode.attach()

    # -- construction --------------------------------------------------------------------------

    def _build_central(self) -> None:
        panel = QWidget(self)
        self.patient_panel = panel
        panel.setObjectName("patientPanel")
        panel.setMinimumWidth(PATIENT_PANEL_MIN_WIDTH)
        self.search_edit = QLineEdit(panel)
        self.search_edit.setObjectName("patientSearchEdit")
        self.search_edit.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search patients")
        search_label = QLabel("&Search patients", panel)
        search_label.setBuddy(self.search_edit)

        self.patient_table = _table(
            panel, "patientTable", self.patients.model, COL_NAME
        )
        self.patient_table.setAccessibleName("Patients")
        patient_buttons, self._patient_buttons = _button_row(
            panel, self.action_registry.new_patient, self.action_registry.edit_patient
        )

        self.assessments_heading = QLabel("Assessments", panel)
        self.assessments_heading.setObjectName("assessmentsHeading")
        self.assessments_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.assessment_table = _table(
            panel, "assessmentTable", self.assessments.model, COL_CLINICIAN
        )
        self.assessment_table.setAccessibleName("Assessments of the selected patient")
        assessment_buttons, self._assessment_buttons = _button_row(
            panel, self.action_registry.new_assessment, self.action_registry.open_assessment
        )
        self.assessments_heading.setBuddy(self.assessment_table)

        layout = QVBoxLayout(panel)
        layout.addWidget(search_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.patient_table, stretch=3)
        layout.addLayout(patient_buttons)
        layout.addSpacing(8)
        layout.addWidget(self.assessments_heading)
        layout.addWidget(self.assessment_table, stretch=2)
        layout.addLayout(assessment_buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(panel)
        self.splitter.addWidget(self.editor_area)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)  # hidden only by View > Show patient list
        self.splitter.setSizes([460, DEFAULT_SIZE[0] - 460])
        self.setCentralWidget(self.splitter)

    def _build_menus_and_toolbar(self) -> None:
        a = self.action_registry
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.setObjectName("fileMenu")
        file_menu.addActions([a.new_patient, a.edit_patient])
        file_menu.addSeparator()
        file_menu.addActions([a.new_assessment, a.open_assessment, a.close_assessment])
        file_menu.addAction(a.drafts)
        file_menu.addAction(a["importCaseFilesAction"])
        file_menu.addAction(a["progressAction"])
        file_menu.addActions([a["newFollowUpAction"], a["dischargeAction"],
                              a["saveFollowUpCalendarAction"]])
        file_menu.addSeparator()
        file_menu.addActions([a.sign_assessment, a.add_addendum, a["versionHistoryAction"]])
        file_menu.addSeparator()
        file_menu.addActions([a.export_soap_pdf, a.export_plan_pdf, a.copy_soap_text,
                              a.export_fhir])
        file_menu.addActions([a.open_after_export, a.clinic_details])
        file_menu.addSeparator()
        file_menu.addAction(a.switch_user)
        a.switch_user.setVisible(False)  # until attach knows whether several accounts exist
        file_menu.addAction(a.quit)
        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.setObjectName("editMenu")
        edit_menu.addActions([a.undo, a.redo])
        edit_menu.addSeparator()
        edit_menu.addAction(a.find)
        view_menu = menu_bar.addMenu("&View")
        view_menu.setObjectName("viewMenu")
        view_menu.addAction(a.toggle_patient_list)
        view_menu.addAction(a.toggle_hints_panel)
        go_menu = menu_bar.addMenu("&Go")
        go_menu.setObjectName("goMenu")
        go_menu.addActions([a.next_section, a.previous_section])
        practice_menu = menu_bar.addMenu("P&ractice")
        practice_menu.setObjectName("practiceMenu")
        practice_menu.addActions([a.practice_case, a.practice_attempts])
        a.practice_case.triggered.connect(self.practice.start_requested)
        a.practice_attempts.triggered.connect(self.practice.supervisor_requested)
        help_menu = menu_bar.addMenu("&Help")
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(a.about)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolBar")  # saveState() needs the name
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([a.new_patient, a.edit_patient, a.new_assessment])
        toolbar.addSeparator()
        toolbar.addActions([a.undo, a.redo])
        toolbar.addSeparator()
        toolbar.addActions([a.export_soap_pdf, a.export_plan_pdf])

    def _build_status_bar(self) -> None:
        self.patient_count_label = QLabel(self)
        self.patient_count_label.setObjectName("patientCountLabel")
        self.save_status_label = QLabel(self)
        self.save_status_label.setObjectName("saveStatusLabel")
        self.user_label = QLabel(self)
        self.user_label.setObjectName("currentUserLabel")
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)
        status = self.statusBar()
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.patient_count_label)
        status.addPermanentWidget(self.save_status_label)

    def _connect(self) -> None:
        a = self.action_registry
        a.new_patient.triggered.connect(self.new_patient)
        a.edit_patient.triggered.connect(self.edit_patient)
        a.new_assessment.triggered.connect(self.new_assessment)
        a["progressAction"].triggered.connect(self.show_progress)
        a.open_assessment.triggered.connect(self.open_selected_assessment)
        a.close_assessment.triggered.connect(self.editor_area.close_current)
        a.find.triggered.connect(self.focus_search)
        a.next_section.triggered.connect(self.editor_area.next_section)
        a.previous_section.triggered.connect(self.editor_area.previous_section)
        a.quit.triggered.connect(self.close)
        a.switch_user.triggered.connect(self.switch_user)
        a.drafts.triggered.connect(self.show_drafts)
        a["importCaseFilesAction"].triggered.connect(self.imports.import_case_files)
        self.imports.imported.connect(self._after_import)
        self.imports.failed.connect(self._show_error)
        self.session.userChanged.connect(self._show_user)
        self.session.userChanged.connect(self._update_actions)
        self.change_watcher.changed.connect(self.refresh_lists)
        self.change_watcher.changed.connect(self.open_tabs.refresh)
        self.change_watcher.failed.connect(self._show_error)
        self.editor_area.openAssessmentsChanged.connect(self.recovery.remember_open)
        self.editor_area.openAssessmentsChanged.connect(self._show_patient_list_if_wanted)
        a.about.triggered.connect(self._show_about)
        a.export_soap_pdf.triggered.connect(self.exports.export_soap_pdf)
        a.export_plan_pdf.triggered.connect(self.exports.export_plan_pdf)
        a.copy_soap_text.triggered.connect(self.exports.copy_soap_text)
        a.export_fhir.triggered.connect(self.exports.export_fhir)
        a.sign_assessment.triggered.connect(self.sign_current)
        a.add_addendum.triggered.connect(self.add_addendum_to_current)
        a.open_after_export.setChecked(self._settings.open_after_export)
        a.open_after_export.toggled.connect(self._set_open_after_export)
        a.clinic_details.triggered.connect(self.edit_clinic_details)
        a.toggle_hints_panel.triggered.connect(self.editor_area.set_hints_panel_visible)
        a.toggle_patient_list.triggered.connect(self.set_patient_list_visible)
        self.exports.exported.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.exports.failed.connect(self._show_error)
        self.exports.warned.connect(self._show_error)

        self.search_edit.textChanged.connect(self.patients.search_text_changed)
        self.search_edit.returnPressed.connect(self._search_and_go_to_results)
        self.patients.searchFinished.connect(self._on_search_finished)
        self.patients.failed.connect(self._show_error)
        self.assessments.failed.connect(self._show_error)
        self.patient_table.selectionModel().selectionChanged.connect(self._on_patient_selected)
        self.patient_table.activated.connect(self._open_patients_assessment)
        self.assessment_table.selectionModel().selectionChanged.connect(self._update_actions)
        self.assessment_table.activated.connect(self.open_assessment_at)
        self.assessments.model.modelReset.connect(self._update_actions)
        self.editor_area.savedAt.connect(self._on_saved)
        self.editor_area.saveFailed.connect(self._on_save_failed)
        self.editor_area.noticed.connect(self._show_error)
        a["versionHistoryAction"].triggered.connect(
            lambda: self.version_history.show_history(self.editor_area.current_session())
        )
        self.version_history.failed.connect(self._show_error)
        self.editor_area.tabs.currentChanged.connect(self._update_actions)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.search_edit,
            self.patient_table,
            *self._patient_buttons,
            self.assessment_table,
            *self._assessment_buttons,
            self.editor_area,
        ]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    def _restore_layout(self) -> None:
        geometry = self._settings.main_window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self._resize_to_default()
        state = self._settings.main_window_state
        if state is not None:
            self.restoreState(state)
        splitter = self._settings.splitter_state
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self._show_patient_list_if_wanted()

    def show_preview(self, read_first_page: Callable[[int], list[ListedRecord] | None]) -> bool:
        """Before ``attach``: list the first patients (read-only until the services come).
        False when they could not be read early."""
        records = read_first_page(PAGE_SIZE)
        if not records:
            return False
        self.patients.model.set_records(records)
        self.centralWidget().setEnabled(True)
        return True

    def _show_opening(self) -> None:
        self.centralWidget().setEnabled(False)
        self.statusBar().showMessage(OPENING_MESSAGE)
        self._update_actions()

    def _restore_selection(self) -> None:
        self.patients.search_now()
        last = self._settings.last_patient_id
        if last is not None and self.patients.reveal(last):
            self.select_patient(last)

    def _resize_to_default(self) -> None:
        """The default size, shrunk to fit a small screen (restoreGeometry clamps likewise)."""
        available = self.screen().availableGeometry()
        width = min(DEFAULT_SIZE[0], int(available.width() * 0.95))
        height = min(DEFAULT_SIZE[1], int(available.height() * 0.95))
        self.resize(width, height)

    # -- intents -------------------------------------------------------------------------------

    def set_patient_list_visible(self, visible: bool) -> None:
        """The user's choice for the patient list beside open assessments (remembered)."""
        self._settings.patient_list_visible = visible
        self._show_patient_list_if_wanted()

    def _show_patient_list_if_wanted(self, *_: object) -> None:
        """Always shown without an open assessment (nothing else to see), else as chosen;
        before any choice, on a window wide enough for both."""
        editing = bool(self.editor_area.open_assessment_ids())
        wanted = self._settings.patient_list_visible
        chosen = wanted is not None
        if wanted is None:
            wanted = self.width() >= WIDE_ENOUGH_FOR_PATIENT_LIST
        visible = not editing or wanted
        focus = QApplication.focusWidget()
        panel_had_focus = focus is not None and self.patient_panel.isAncestorOf(focus)
        was_visible = self.patient_list_visible
        self.patient_panel.setVisible(visible)
        self.action_registry.toggle_patient_list.setChecked(visible)
        self.action_registry.toggle_patient_list.setEnabled(editing)
        if not visible and panel_had_focus:
            self.editor_area.setFocus(Qt.FocusReason.OtherFocusReason)
        if was_visible and not visible and not chosen:
            self.statusBar().showMessage(PATIENT_LIST_HIDDEN_MESSAGE, 10000)

    @property
    def patient_list_visible(self) -> bool:
        return not self.patient_panel.isHidden()

    def focus_search(self) -> None:
        if not self.patient_list_visible:
            self.set_patient_list_visible(True)  # Find patient needs the search field
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def show_progress(self) -> None:
        """The selected patient's progress view (issue 13)."""
        from clinic_app.ui.progress_dialog import ProgressDialog

        patient = self.selected_patient()
        if patient is None or self.services is None:
            return
        try:
            report = self.services.episodes.progress(patient.id)
        except ValueError as error:  # no visit yet
            self.statusBar().showMessage(str(error), 5000)
            return
        ProgressDialog(report, self).open()

    def selected_patient(self) -> PatientRecord | None:
        rows = self.patient_table.selectionModel().selectedRows()
        return rows[0].data(PatientRecordRole) if rows else None

    def selected_assessment_id(self) -> int | None:
        rows = self.assessment_table.selectionModel().selectedRows()
        return rows[0].data(AssessmentIdRole) if rows else None

    def select_patient(self, patient_id: int) -> bool:
        row = self.patients.model.row_of(patient_id)
        if row is None:
            return False
        self.patient_table.selectRow(row)
        self.patient_table.scrollTo(self.patients.model.index(row, 0))
        return True

    def new_patient(self) -> None:
        from clinic_app.ui.patient_dialog import PatientDialog

        patient = PatientDialog.ask(self)
        if patient is None:
            return
        record = self.patients.register(patient)
        if record is not None:
            self.select_patient(record.id)
            self.statusBar().showMessage("Patient registered", 4000)

    def edit_patient(self) -> None:
        current = self.selected_patient()
        if current is None:
            return
        from clinic_app.ui.patient_dialog import PatientDialog

        patient = PatientDialog.ask(self, current.patient)
        if patient is None:
            return
        record = self.patients.update(current.id, patient)
        if record is not None:
            self.select_patient(record.id)
            self._show_heading(record)
            self.statusBar().showMessage("Patient details saved", 4000)

    def new_assessment(self) -> None:
        patient = self.selected_patient()
        if patient is None:
            return
        choice = NewAssessmentDialog.ask(self, self.suggested_clinician())
        if choice is None:
            return
        self._settings.last_clinician = choice.clinician
        record = self.assessments.start(choice.assessment_date, choice.clinician)
        if record is None:
            return
        row = self.assessments.model.row_of(record.id)
        if row is not None:
            self.assessment_table.selectRow(row)
        self._open(patient, record.id)

    def suggested_clinician(self) -> str:
        """Who a new assessment names: the logged-in user, else the clinician of last time."""
        user = self.session.user
        if user is not None and user.display_name.strip():
            return user.display_name
        return self._settings.last_clinician or self._settings.clinician_name

    def open_selected_assessment(self) -> None:
        assessment_id = self.selected_assessment_id()
        patient = self.selected_patient()
        if assessment_id is not None and patient is not None:
            self._open(patient, assessment_id)

    def open_assessment_at(self, index: QModelIndex) -> None:
        patient = self.selected_patient()
        if index.isValid() and patient is not None:
            self._open(patient, index.data(AssessmentIdRole))

    def _open(self, patient: PatientRecord, assessment_id: int) -> None:
        editor = self.editor_area.editor_for(assessment_id)
        if editor is not None:
            self.editor_area.tabs.setCurrentWidget(editor)
        else:
            record = self.assessments.load(assessment_id)
            if record is None:
                return
            editor = self.editor_area.open_editor(patient, record)
        if editor is None:
            return
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_actions()

    def open_assessment_by_id(self, assessment_id: int) -> bool:
        """Select the assessment's patient and open it; False when it cannot be opened."""
        record = self.assessments.load(assessment_id)
        if record is None or not self.patients.reveal(record.patient_id):
            return False
        self.select_patient(record.patient_id)
        patient = self.selected_patient()
        if patient is None:
            return False
        self._open(patient, assessment_id)
        return self.editor_area.editor_for(assessment_id) is not None

    def show_drafts(self) -> None:
        entries = self.assessments.drafts()
        if entries is None:
            return
        if not entries:
            self.statusBar().showMessage("You have no unsigned drafts", 6000)
            return
        chosen = DraftsDialog.ask(self, entries)
        if chosen is not None:
            self.open_assessment_by_id(chosen)

    def switch_user(self) -> None:
        """Save and close the open assessments, then ask who works now (Quit closes the app)."""
        if self.services is None:
            return
        self.editor_area.close_all()  # each editor saves as the user who made its changes
        self.session.log_out()
        user = LoginDialog.ask(self, self.services.users)
        if user is None:
            self.close()
            return
        self.session.log_in(user)
        self.refresh_lists()

    def _after_import(self, summary: str) -> None:
        self.statusBar().showMessage(summary, 10000)
        self.refresh_lists()

    def refresh_lists(self) -> None:
        """Show what another workstation changed, keeping the search text and the selection."""
        if self.services is None:
            return
        self.patients.refresh(keep_patient_id=self.assessments.patient_id)
        self._refresh_assessments()
        selected = self.selected_patient()
        if selected is not None:
            self._show_heading(selected)  # the other workstation may have renamed them
        self._update_switch_user()
        self._update_actions()

    def _recover_open_assessments(self) -> None:
        """After a crash, reopen the drafts that were open (the acting user's own only)."""
        left_open = self.recovery.start_run()
        if not left_open:
            return
        drafts = self.assessments.draft_ids()
        recovered = [i for i in left_open if i in drafts and self.open_assessment_by_id(i)]
        if recovered:
            count = len(recovered)
            what = "1 assessment" if count == 1 else f"{count} assessments"
            message = RECOVERED_MESSAGE.format(count=what, verb="was" if count == 1 else "were")
            self.statusBar().showMessage(message, RECOVERED_MESSAGE_MS)

    def _update_switch_user(self, several: bool | None = None) -> None:
        """Offered whenever several accounts share the database (one may be added meanwhile);
        ``several`` None: ask the services."""
        if self.services is None:
            return
        if several is None:
            try:
                several = self.services.users.login_required()
            except Exception:  # the change watcher reports a lost connection
                several = self.session.user is not None
        self.action_registry.switch_user.setVisible(several)

    def _show_user(self) -> None:
        self.user_label.setText(self.session.describe())

    # -- reactions -----------------------------------------------------------------------------

    def _search_and_go_to_results(self) -> None:
        self.patients.search_now()
        if self.patients.model.rowCount():
            if not self.patient_table.selectionModel().hasSelection():
                self.patient_table.selectRow(0)
            self.patient_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_search_finished(self, count: int) -> None:
        # Counting every match would read a large table: "100+" says enough.
        more = "+" if self.patients.model.has_more else ""
        self.patient_count_label.setText(f"{count}{more} patients" if count != 1 or more
                                         else "1 patient")
        last = self.assessments.patient_id
        if last is None or not self.select_patient(last):
            self.assessments.show_patient(None)
            self._show_heading(None)
        self._update_actions()

    def _on_patient_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        record = self.selected_patient()
        if record is None and self.assessments.patient_id is not None:
            return  # a model reset clears the selection; the search result handler decides
        if record is not None and record.id == self.assessments.patient_id:
            self._update_actions()
            return
        self.assessments.show_patient(record.id if record else None)
        if self.assessments.model.rowCount():
            self.assessment_table.selectRow(0)  # newest first: Open works at once
        self._show_heading(record)
        if record is not None:
            self._settings.last_patient_id = record.id
        self._update_actions()

    def _open_patients_assessment(self, _index: QModelIndex) -> None:
        """Enter on a patient opens their selected assessment (the newest unless another
        was chosen); without one, the assessment list takes the focus for a new one."""
        if not self.assessments.model.rowCount():
            self.assessment_table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.assessment_table.selectionModel().hasSelection():
            self.assessment_table.selectRow(0)
        self.open_selected_assessment()

    def _show_heading(self, record: PatientRecord | None) -> None:
        if record is None:
            self.assessments_heading.setText("Assessments (select a patient)")
        else:
            self.assessments_heading.setText(f"&Assessments of {record.patient.display_name}")

    def _on_saved(self, time_text: str) -> None:
        self.save_status_label.setStyleSheet("")
        self.save_status_label.setText(f"Saved {time_text}")
        if self._list_differs_from_open_editors():
            self._refresh_assessments()

    def _list_differs_from_open_editors(self) -> bool:
        """True when an open editor changed what the list shows (date, clinician, status).

        Autosave runs several times a second while typing; most saves change a finding,
        which the list does not show, so the list is not reloaded for them."""
        model = self.assessments.model
        for row in range(model.rowCount()):
            listed = model.summary_at(row)
            editor = self.editor_area.editor_for(listed.id)
            if editor is None:
                continue
            document = editor.session.document
            if (
                document.assessment_date, document.clinician or "", document.status
            ) != (listed.assessment_date, listed.clinician or "", listed.status):
                return True
        return False

    def _refresh_assessments(self) -> None:
        selected = self.selected_assessment_id()
        self.assessments.refresh()
        row = self.assessments.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.assessment_table.selectRow(row)

    def _on_save_failed(self, message: str) -> None:
        self.save_status_label.setStyleSheet("color: #b00020;")
        self.save_status_label.setText("Not saved")
        self.statusBar().showMessage(f"Not saved: {message}")

    def _set_open_after_export(self, checked: bool) -> None:
        self._settings.open_after_export = checked

    def edit_clinic_details(self) -> None:
        """The welcome dialog again: clinic and clinician details, demo patients if none."""
        choice = welcome(self, self.services, self._settings, first_start=False)
        if choice is None:
            return
        if choice.load_demo_patients:
            self.patients.search_now()
        self.statusBar().showMessage("Clinic details saved", 4000)

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _update_actions(self, *_: object) -> None:
        has_patient = self.services is not None and self.selected_patient() is not None
        has_editor = self.editor_area.current_editor() is not None
        a = self.action_registry
        a.new_patient.setEnabled(self.services is not None)
        a["importCaseFilesAction"].setEnabled(self.services is not None)
        a.drafts.setEnabled(self.services is not None)
        a.edit_patient.setEnabled(has_patient)
        a.new_assessment.setEnabled(has_patient)
        a.open_assessment.setEnabled(has_patient and self.selected_assessment_id() is not None)
        for action in (
            a.close_assessment, a.next_section, a.previous_section,
            a.export_soap_pdf, a.export_plan_pdf, a.copy_soap_text, a.toggle_hints_panel,
            a.export_fhir, a["versionHistoryAction"],
        ):
            action.setEnabled(has_editor)
        editor = self.editor_area.current_editor()
        a.sign_assessment.setEnabled(editor is not None and editor.session.can_be_signed)
        a.add_addendum.setEnabled(editor is not None and editor.session.accepts_addenda)
        a.toggle_hints_panel.setChecked(editor is not None and editor.hints_panel_visible)
        apply_role_gate(a, self.session.user)

    def sign_current(self) -> None:
        editor = self.editor_area.current_editor()
        if editor is not None:
            editor.sign()

    def add_addendum_to_current(self) -> None:
        editor = self.editor_area.current_editor()
        if editor is not None:
            editor.add_addendum()

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Clinic App",
            f"Clinic App {__version__}\nStructured anterior knee pain examination.\n"
            "Free software under the GNU GPL, version 3 or later.",
        )

    # -- shutdown ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.change_watcher.stop()
        self.editor_area.flush_all()
        self.recovery.end_run()
        self._settings.main_window_geometry = self.saveGeometry()
        self._settings.main_window_state = self.saveState()
        if self.patient_list_visible:  # hidden, its width of last time is the one to keep
            self._settings.splitter_state = self.splitter.saveState()
        self._settings.sync()
        event.accept()


def _table(parent: QWidget, name: str, model: object, stretch_column: int) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)  # type: ignore[arg-type]
    return make_pick_table(table, stretch_column)


def _button_row(parent: QWidget, *actions: object) -> tuple[QHBoxLayout, list[QToolButton]]:
    row = QHBoxLayout()
    buttons = []
    for action in actions:
        button = QToolButton(parent)
        button.setDefaultAction(action)  # type: ignore[arg-type]
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row.addWidget(button)
        buttons.append(button)
    row.addStretch(1)
    return row, buttons
