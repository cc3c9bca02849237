"""Start-up saves the edits an outage left on this computer, merged with what was saved
meanwhile, and says so."""

from __future__ import annotations

from datetime import date

from clinic_app.app import build_services
from clinic_app.domain.fields import get_value, with_value
from clinic_app.storage.database import Database
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from clinic_app.ui.startup import open_services
from clinic_app.unsaved_edits import UnsavedEdit
from tests.ui.ui_helpers import SAMPLE_PATIENTS

HEIGHT = ("history", "body", "height_cm")
BODY_MASS = ("history", "body", "body_mass_kg")


def test_start_up_saves_and_merges_the_edits_left_by_an_outage(qtbot, services, ui_database_url):
    patient_id = services.patients.register(SAMPLE_PATIENTS[0])
    started = services.assessments.start(patient_id, date(2024, 6, 3), clinician="")
    mine = with_value(started.assessment, BODY_MASS, 68)
    services.unsaved_edits.keep(
        UnsavedEdit(started.id, started.version, started.assessment, mine)
    )
    theirs = with_value(started.assessment, HEIGHT, 172.5)  # saved meanwhile elsewhere
    services.assessments.save_draft(started.id, theirs, started.version)

    databases: list[Database] = []

    def reopen():
        databases.append(Database.open(ui_database_url))
        return build_services(databases[-1])

    window = MainWindow(None, AppSettings())
    qtbot.addWidget(window)
    try:
        assert open_services(window, reopen, unattended=True) is not None
        assert window.statusBar().currentMessage().startswith(
            "Recovered 1 unsaved change from the last session"
        )
        assert services.unsaved_edits.pending() == []
        stored = services.assessments.load(started.id).assessment
        assert (get_value(stored, HEIGHT), get_value(stored, BODY_MASS)) == (172.5, 68)
    finally:
        window.close()
        for database in databases:
            database.close()
