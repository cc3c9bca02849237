"""Helpers shared by the GUI tests: sample patients, non-ASCII typing, a stand-in editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from clinic_app.app import Services
from clinic_app.domain.patient import Patient, Sex
from clinic_app.domain.records.roles import User
from clinic_app.services.ports import AssessmentRecord, PatientRecord
from clinic_app.ui.editor.assessment_session import AssessmentSession


def make_patient(
    family: str, given: str, born: date, sex: Sex = Sex.FEMALE, identifier: str | None = None
) -> Patient:
    return Patient(
        family_name=family, given_names=given, date_of_birth=born, sex=sex, identifier=identifier
    )


SAMPLE_PATIENTS = (
    make_patient("Ñúñez-Øster", "Zoë", date(1994, 3, 12), Sex.FEMALE, "MRN-1001"),
    make_patient("Петров", "Иван", date(1987, 11, 2), Sex.MALE, "MRN-1002"),
    make_patient("Okafor", "Adaeze", date(2008, 6, 30), Sex.FEMALE, "MRN-1003"),
    make_patient("Lindqvist", "Erik", date(1972, 1, 15), Sex.MALE, None),
)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` one key press at a time.

    ``qtbot.keyClicks`` aborts the whole process on non-ASCII characters (a Qt
    assertion in qasciikey.cpp), so each character is sent as a key event that
    carries its text, the way an input method delivers it.
    """
    for character in text:
        key = ord(character.upper()) if character.isascii() and character.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


class StandInEditor(QWidget):
    """Honours the assessment editor's contract over a real session, so the shell is
    tested on its own."""

    topUrgencyChanged = Signal(str)
    top_urgency = ""

    def __init__(
        self,
        services: Services,
        patient_record: PatientRecord,
        assessment_record: AssessmentRecord,
        parent: QWidget | None = None,
        *,
        actor: User | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.patient_record = patient_record
        self.assessment_record = assessment_record
        self.session = AssessmentSession(
            services.assessments, patient_record, assessment_record, self, actor=actor
        )
        self.flush_count = 0
        self.section_moves: list[str] = []
        self.hints_panel_visible = True
        self.signed = 0
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Assessment {assessment_record.id}", self))

    def flush(self) -> bool:
        self.flush_count += 1
        return self.session.flush()

    def next_section(self) -> None:
        self.section_moves.append("next")

    def previous_section(self) -> None:
        self.section_moves.append("previous")

    def set_hints_panel_visible(self, visible: bool) -> None:
        self.hints_panel_visible = visible

    def sign(self) -> bool:
        self.signed += 1
        return False

    def add_addendum(self, text: str = "") -> bool:
        return False
