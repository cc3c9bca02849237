"""The welcome dialog: clinic and clinician details, and whether to load the demo patients.

Shown once, on the first start, before the main window gets its services; reopened
from File > Welcome and clinic details. Completing it sets ``welcome_done`` so later
starts do not ask again; closing it on the first start leaves everything as it was,
and the next start asks again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.letterhead import Letterhead
from clinic_app.ui.clinic_details_form import ClinicDetailsForm, saved_details, store_details
from clinic_app.ui.settings import AppSettings

if TYPE_CHECKING:
    from clinic_app.ui.services_port import UiServices

log = logging.getLogger(__name__)

FIRST_START_TITLE = "Welcome to Clinic App"
REOPENED_TITLE = "Welcome and clinic details"
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True)
class DemoOffer:
    """How many demo patients there are, and whether they can be loaded now (only into a
    database without patients)."""

    count: int
    available: bool

    @property
    def label(self) -> str:
        number = _NUMBER_WORDS[self.count] if self.count < len(_NUMBER_WORDS) else str(self.count)
        return f"Load the {number} demo patients (practice cases)"


@dataclass(frozen=True)
class WelcomeChoice:
    details: Letterhead
    load_demo_patients: bool


class WelcomeDialog(QDialog):
    def __init__(
        self,
        current: Letterhead,
        demo: DemoOffer | None,
        *,
        first_start: bool,
        parent: QWidget | None = None,
    ) -> None:
        """``demo`` None: no demo patients to offer (the database is not open)."""
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(FIRST_START_TITLE if first_start else REOPENED_TITLE)
        intro = QLabel(
            "Your clinic's name and address, and your name and registration number, are "
            "printed on every SOAP note and rehab plan. All fields are optional."
            + (" Change them any time under File \u203a Welcome and clinic details."
               if first_start else ""),
            self,
        )
        intro.setObjectName("welcomeIntro")
        intro.setWordWrap(True)
        self.form = ClinicDetailsForm(current, self)

        self.load_demo = QCheckBox(demo.label if demo else "", self)
        self.load_demo.setObjectName("loadDemoPatientsCheckBox")
        self.demo_note = QLabel(self)
        self.demo_note.setObjectName("demoPatientsNote")
        self.demo_note.setWordWrap(True)
        if demo is None:
            self.load_demo.hide()
            self.demo_note.hide()
        elif demo.available:
            self.load_demo.setChecked(first_start)
            self.demo_note.setText(
                "Fictional patients with their assessments, to practise on. "
                "They are stored like real patients."
            )
        else:
            self.load_demo.setEnabled(False)
            self.demo_note.setText(
                "The database already has patients: demo patients are only added to an "
                "empty database."
            )

        buttons = QDialogButtonBox(self)
        if first_start:
            start = buttons.addButton("&Start", QDialogButtonBox.ButtonRole.AcceptRole)
            start.setObjectName("welcomeStartButton")
            start.setDefault(True)
        else:
            buttons.setStandardButtons(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if first_start:
            heading = QLabel(FIRST_START_TITLE, self)
            heading.setObjectName("welcomeHeading")
            font = heading.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            heading.setFont(font)
            layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.form)
        layout.addSpacing(6)
        layout.addWidget(self.load_demo)
        layout.addWidget(self.demo_note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self.form.name.setFocus()

    def choice(self) -> WelcomeChoice:
        offered = not self.load_demo.isHidden() and self.load_demo.isEnabled()
        return WelcomeChoice(self.form.letterhead(), offered and self.load_demo.isChecked())

    def _accept_if_valid(self) -> None:
        if self.form.check():
            self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        current: Letterhead,
        demo: DemoOffer | None,
        *,
        first_start: bool,
    ) -> WelcomeChoice | None:
        dialog = cls(current, demo, first_start=first_start, parent=parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()  # parented to the window: each File > Welcome would keep one


def demo_offer(services: UiServices | None) -> DemoOffer | None:
    """None when there is nothing to offer: no database open, or no demo cases bundled."""
    if services is None:
        return None
    count = services.demo.case_count()
    return DemoOffer(count, services.demo.can_load()) if count else None


def welcome(
    parent: QWidget | None,
    services: UiServices | None,
    settings: AppSettings,
    *,
    first_start: bool,
) -> WelcomeChoice | None:
    """Ask, then save the details and load the demo patients if chosen; None when cancelled."""
    offer = demo_offer(services)
    choice = WelcomeDialog.ask(parent, saved_details(settings), offer, first_start=first_start)
    if choice is None:
        return None
    store_details(settings, choice.details)
    settings.welcome_done = True
    settings.sync()
    if services is not None:
        name_the_signer(services, settings)
    if services is not None and choice.load_demo_patients:
        services.demo.load_demo_patients()
    return choice


def welcome_on_first_start(
    parent: QWidget | None, services: UiServices, *, ask: bool = True
) -> None:
    """The start-up step between opening the services and attaching them to the window."""
    settings = AppSettings()
    if settings.welcome_done:
        name_the_signer(services, settings)  # details entered before they were stored
        return
    if not ask:
        # Unattended runs (smoke test, benchmark) quit on their own and no one answers a
        # modal dialog: take its defaults (demo patients into an empty database), and leave
        # welcome_done unset so a real first start in this home still asks.
        if services.demo.can_load():
            services.demo.load_demo_patients()
        return
    welcome(parent, services, settings, first_start=True)


def name_the_signer(services: UiServices, settings: AppSettings) -> None:
    """On an installation without accounts, the clinician named here signs the notes."""
    try:
        services.users.name_local_clinician(
            settings.clinician_name, settings.registration_number or None
        )
    except ValueError as error:  # an over-long value typed before limits existed
        log.warning("the clinician's details were not stored: %s", type(error).__name__)
