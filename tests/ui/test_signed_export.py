"""A note signed in the main window exports as signed: the user's whole path, read back.

Sign through the File menu, add an addendum, export both PDFs and copy the text through
the window's actions, then read the files on disk: the signer, the time, the content
hash and the addendum are there, and no "DRAFT" anywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.sign_dialog import RecordAction, SignDecision
from tests.ui import demo_case_editing, test_export_presenter
from tests.ui.demo_case_editing import DemoClinic
from tests.ui.editor.record_answers import AddendumAnswers, SignAnswers
from tests.ui.test_export_presenter import SaveDialogAnswers, pdf_text, trigger

# The shared fixtures, made visible to pytest in this module
clinic = demo_case_editing.clinic
window = test_export_presenter.window

ADDENDUM = "Addendum: knee swelling reported by phone on day 3 <settled>."


def squashed(text: str) -> str:
    return "".join(text.split())


def test_a_note_signed_in_the_window_exports_signed_pdfs_and_text(
    qtbot, monkeypatch, tmp_path: Path, clinic: DemoClinic, window: MainWindow
) -> None:
    editor = window.editor_area.current_editor()
    SignAnswers(monkeypatch, SignDecision(RecordAction.SIGN))
    trigger(window, "signAssessmentAction")
    assert editor.session.status is AssessmentStatus.SIGNED
    AddendumAnswers(monkeypatch, ADDENDUM)
    trigger(window, "addAddendumAction")

    soap, plan = tmp_path / "note.pdf", tmp_path / "plan.pdf"
    SaveDialogAnswers(monkeypatch, [soap, plan])
    trigger(window, "exportSoapPdfAction")
    trigger(window, "exportPlanPdfAction")
    trigger(window, "copySoapTextAction")

    record = clinic.services.assessments.load(editor.session.assessment_id)
    signature = record.signature
    assert signature is not None and signature.signer_name == "Alex Morgan (PH123456)"
    note = pdf_text(soap)
    assert "Signed by" in note and signature.signer_name in note
    assert signature.content_hash in squashed(note)  # the hash may wrap across lines
    assert squashed(ADDENDUM) in squashed(note)
    assert "DRAFT" not in note and "DRAFT" not in pdf_text(plan)
    assert "Local user" not in note and "Audit trail witness:" in note
    clipboard = QGuiApplication.clipboard().text()
    assert f"Content SHA-256: {signature.content_hash}" in clipboard
    assert squashed(ADDENDUM) in squashed(clipboard) and "DRAFT" not in clipboard
    exports = [
        entry for entry in clinic.services.audit.entries_for(
            EntityType.ASSESSMENT, editor.session.assessment_id
        )
        if entry.action == AuditAction.EXPORTED
    ]
    assert len(exports) == 3
