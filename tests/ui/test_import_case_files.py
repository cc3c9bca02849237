"""File > Import case files in the real main window: several files stored as drafts through
the import use case, a stored patient matched, a bad file refusing the whole import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction

from clinic_app import resources
from clinic_app.app import Services
from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.ui.import_presenter import CaseFilesDialog
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings


def answer(monkeypatch, paths: list[Path]) -> None:
    monkeypatch.setattr(CaseFilesDialog, "ask", classmethod(lambda cls, parent: paths))


def window_on(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services, AppSettings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_case_files_are_imported_as_drafts_and_a_known_patient_is_matched(
    qtbot, monkeypatch, services: Services
) -> None:
    window = window_on(qtbot, services)
    action = window.findChild(QAction, "importCaseFilesAction")
    cases = [resources.resource("demo", f"case{n}.json") for n in (1, 2)]
    answer(monkeypatch, cases)
    action.trigger()
    assert window.statusBar().currentMessage() == (
        "Imported 2 case files as drafts: 2 new patients, 0 matched to a stored patient"
    )
    assert window.patients.model.rowCount() == 2
    answer(monkeypatch, cases[:1])
    action.trigger()
    assert "0 new patients, 1 matched" in window.statusBar().currentMessage()
    assert services.patients.count() == 2
    hartley = next(r for r in services.patients.search("Hartley"))
    statuses = [s.status for s in services.assessments.for_patient(hartley.id)]
    assert statuses and set(statuses) == {AssessmentStatus.DRAFT}


def test_a_bad_file_imports_nothing_and_names_the_file(
    qtbot, monkeypatch, services: Services, tmp_path: Path
) -> None:
    window = window_on(qtbot, services)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "clinic-app-case"}', encoding="utf-8")
    answer(monkeypatch, [resources.resource("demo", "case1.json"), broken])
    window.findChild(QAction, "importCaseFilesAction").trigger()
    assert window.statusBar().currentMessage().startswith("Nothing imported: broken.json: ")
    assert services.patients.count() == 0
