"""The patient list at clinic scale: pages fetched as the list scrolls, and the first page
listed from the file before the database is open."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex

from clinic_app.app import Services, patient_list_preview
from clinic_app.domain.patient import Patient, Sex
from clinic_app.storage.database import Database
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.patient_list_presenter import PAGE_SIZE
from clinic_app.ui.patient_table_model import COL_NAME
from clinic_app.ui.settings import AppSettings
from tests.benchmarks.populate import populated_folder
from tests.ui.ui_helpers import StandInEditor

PATIENTS = 2 * PAGE_SIZE + 7


def register_many(database: Database, count: int) -> None:
    with database.unit_of_work() as uow:
        for number in range(count):
            uow.patients.add(Patient(
                family_name=f"Family{number:04d}", given_names="Kim",
                date_of_birth=date(1970, 1, 1), sex=Sex.OTHER, identifier=f"ID{number}",
            ))
        uow.commit()


def names(window: MainWindow) -> list[str]:
    model = window.patients.model
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def test_the_list_reads_a_page_at_a_time_as_it_scrolls(
    qtbot, services: Services, ui_database_url: str
) -> None:
    database = Database.open(ui_database_url)
    register_many(database, PATIENTS)
    database.close()
    window = MainWindow(services, AppSettings(), editor_factory=StandInEditor)
    qtbot.addWidget(window)
    window.show()
    model = window.patients.model
    assert model.rowCount() == PAGE_SIZE and model.has_more
    assert window.patient_count_label.text() == f"{PAGE_SIZE}+ patients"

    window.patient_table.scrollToBottom()  # the view asks for more at the end
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert names(window) == [f"Family{n:04d}, Kim" for n in range(PATIENTS)]


def test_the_first_page_is_listed_before_the_database_opens(
    qtbot, services: Services, ui_database_url: str, tmp_path: Path
) -> None:
    database = Database.open(ui_database_url)
    register_many(database, PATIENTS)
    database.close()
    window = MainWindow(None, AppSettings(), editor_factory=StandInEditor)
    qtbot.addWidget(window)
    window.show()

    assert window.show_preview(lambda limit: patient_list_preview(ui_database_url, limit))
    listed = names(window)
    assert listed == [f"Family{n:04d}, Kim" for n in range(PAGE_SIZE)]
    assert window.patient_table.isEnabled()
    assert not window.action_registry.new_assessment.isEnabled()  # read-only until attached
    window.patient_table.selectRow(3)
    assert not window.action_registry.edit_patient.isEnabled()

    window.attach(services)
    assert names(window) == listed
    assert window.selected_patient() is not None
    assert window.selected_patient().patient.family_name == "Family0003"
    assert window.action_registry.edit_patient.isEnabled()


def test_no_preview_where_the_file_cannot_be_read_directly(tmp_path: Path) -> None:
    scrambled = tmp_path / "scrambled.sqlite3"
    scrambled.write_bytes(bytes(range(256)) * 8)  # as an encrypted file looks to sqlite3
    for url in (f"sqlite:///{scrambled}", f"sqlite:///{tmp_path / 'missing.sqlite3'}",
                "postgresql://clinic@localhost/clinic"):
        assert patient_list_preview(url, PAGE_SIZE) is None


def test_the_first_page_is_listed_before_sqlalchemy_or_pydantic_load(tmp_path: Path) -> None:
    """The start-up path to a usable list stays light: a module that imports the domain or
    the storage layer at the top, anywhere on it, would add their import to every start."""
    populated_folder(tmp_path, 150)
    probe = (
        "import sys\n"
        "from clinic_app.cli import main\n"
        "code = main()\n"
        "print(sorted(m for m in ('sqlalchemy', 'pydantic') if m in sys.modules), code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLINIC_APP_DATA_DIR": str(tmp_path),
             "XDG_CONFIG_HOME": str(tmp_path / "config"), "CLINIC_APP_QUIT_WHEN_LISTED": "1"},
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.stdout.strip().splitlines()[-1] == "[] 0", result.stderr
