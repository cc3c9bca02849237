"""Exports from the main window: PDFs where the dialog said, the folder remembered,
the SOAP note as text on the clipboard, the letterhead from the settings."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QAction, QGuiApplication

from clinic_app.ui.editor.assessment_editor import NOTE_TAB
from clinic_app.ui.export_presenter import ExportFileDialog, suggested_file_name
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.ui import demo_case_editing
from tests.ui.demo_case_editing import DemoClinic
from tests.ui.editor.editor_driving import text_input, type_text

# The shared fixtures, made visible to pytest in this module
clinic = demo_case_editing.clinic


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


class SaveDialogAnswers:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: list[Path]) -> None:
        self.answers = list(answers)
        self.suggested: list[Path] = []
        monkeypatch.setattr(ExportFileDialog, "ask", classmethod(self._ask))

    def _ask(self, cls, parent, title: str, suggested: Path) -> Path | None:
        self.suggested.append(suggested)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def window(qtbot, clinic: DemoClinic) -> MainWindow:
    settings = AppSettings()
    settings.clinic_name = "Riverside Physio"
    settings.clinic_address = "1 Quay Street"
    window = MainWindow(clinic.services, settings)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    assert window.select_patient(clinic.patient(1).id)
    window.open_selected_assessment()
    qtbot.waitUntil(lambda: window.editor_area.current_editor() is not None)
    return window


def test_export_actions_have_shortcuts_and_sit_in_the_file_menu_and_toolbar(window):
    shortcuts = {
        "exportSoapPdfAction": "Ctrl+Alt+E",
        "exportPlanPdfAction": "Ctrl+Shift+E",
        "copySoapTextAction": "Ctrl+Shift+C",
    }
    file_menu = window.menuBar().findChild(object, "fileMenu")
    for name, keys in shortcuts.items():
        action = window.findChild(QAction, name)
        assert keys in [seq.toString() for seq in action.shortcuts()]
        assert action in file_menu.actions()
    toolbar_actions = window.findChild(object, "mainToolBar").actions()
    assert window.action_registry.export_soap_pdf in toolbar_actions
    assert window.action_registry.export_plan_pdf in toolbar_actions


def test_pdfs_go_where_the_dialog_said_and_the_folder_is_remembered(
    qtbot, monkeypatch, tmp_path: Path, window: MainWindow
):
    folder = tmp_path / "exports"
    folder.mkdir()
    soap, plan = folder / "note.pdf", folder / "plan.pdf"
    dialog = SaveDialogAnswers(monkeypatch, [soap, plan])
    opened: list[Path] = []
    window.exports.opener = opened.append

    trigger(window, "exportSoapPdfAction")
    text = pdf_text(soap)
    assert "Hartley" in text and "Riverside Physio" in text
    assert "SUBJECTIVE" in text.upper() and "PLAN" in text.upper()
    suggested = suggested_file_name("SOAP note", "Hartley, Emma", "2025-03-10")
    assert dialog.suggested[0].name == suggested
    assert AppSettings().last_export_folder == folder
    assert opened == []  # the "open after export" option is off by default

    window.action_registry.open_after_export.setChecked(True)
    trigger(window, "exportPlanPdfAction")
    assert dialog.suggested[1].parent == folder  # the dialog starts in the remembered folder
    assert "Hartley" in pdf_text(plan)
    assert opened == [plan]
    assert AppSettings().open_after_export
    assert sorted(p.name for p in folder.iterdir()) == ["note.pdf", "plan.pdf"]
    assert {p.stat().st_mode & 0o777 for p in (soap, plan)} == {0o600}  # patient data


def test_a_cancelled_dialog_writes_nothing(monkeypatch, tmp_path: Path, window: MainWindow):
    SaveDialogAnswers(monkeypatch, [])
    trigger(window, "exportSoapPdfAction")
    assert AppSettings().last_export_folder is None
    assert list(tmp_path.glob("**/*.pdf")) == []


def test_the_soap_note_is_copied_as_text_with_the_clinicians_words(qtbot, window: MainWindow):
    editor = window.editor_area.current_editor()
    editor.work_tabs.setCurrentIndex(NOTE_TAB)
    notes = editor.fields[("soap_text", "assessment")]
    editor.go_to(("soap_text", "assessment"))
    type_text(text_input(notes), "Explained PFP; reassess in 2 weeks \u2013 Zoë")
    trigger(window, "copySoapTextAction")
    text = QGuiApplication.clipboard().text()
    for heading in ("S - SUBJECTIVE", "O - OBJECTIVE", "A - ASSESSMENT", "P - PLAN"):
        assert heading in text
    assert "Explained PFP; reassess in 2 weeks \u2013 Zoë" in text
    assert "Hartley" in text


def test_an_unwritable_target_is_reported(monkeypatch, tmp_path: Path, window: MainWindow):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("a file where the folder should be")
    SaveDialogAnswers(monkeypatch, [not_a_folder / "note.pdf"])
    trigger(window, "exportSoapPdfAction")
    assert "Could not write" in window.statusBar().currentMessage()


def test_the_exported_note_names_the_clinician_with_the_registration_number(
    monkeypatch, tmp_path: Path, window: MainWindow
):
    settings = AppSettings()
    settings.clinician_name = "Alex Morgan"
    settings.registration_number = "PH123456"
    soap = tmp_path / "note.pdf"
    SaveDialogAnswers(monkeypatch, [soap])
    trigger(window, "exportSoapPdfAction")
    text = " ".join(pdf_text(soap).split())
    assert "Clinic's clinician Alex Morgan, registration no. PH123456" in text


def test_the_tab_title_leads_with_an_emergency(qtbot, clinic, window):
    assert window.select_patient(clinic.patient(2).id)
    window.open_selected_assessment()
    tabs = window.editor_area.tabs
    qtbot.waitUntil(lambda: tabs.count() == 2)
    assert tabs.tabText(tabs.currentIndex()).startswith("\u26a0 EMERGENCY")
    assert not tabs.tabText(0).startswith("\u26a0")  # case 1 is routine


def test_the_fhir_action_writes_a_document_bundle_where_the_dialog_said(
    monkeypatch, tmp_path: Path, window: MainWindow
):
    import json

    from clinic_app.ui.export_presenter import FhirFileDialog

    target = tmp_path / "note.json"
    monkeypatch.setattr(FhirFileDialog, "ask", classmethod(lambda cls, p, t, s: target))
    trigger(window, "exportFhirAction")
    bundle = json.loads(target.read_text(encoding="utf-8"))
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "document")
    composition = bundle["entry"][0]["resource"]
    assert composition["resourceType"] == "Composition"
    assert [s["code"]["coding"][0]["code"] for s in composition["section"]] == [
        "10164-2", "29545-1", "51848-0", "18776-5",
    ]
    assert "FHIR document" in window.statusBar().currentMessage()
