"""File > Version history… on the open assessment, through the real main window: a version
not chosen in a conflict is listed, one finding comes back as an undoable, audited change."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from clinic_app.app import Services
from clinic_app.domain.fields import get_value, with_value
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings

HEIGHT = ("history", "body", "height_cm")


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_a_finding_from_a_discarded_version_comes_back_and_undo_takes_it_back(
    qtbot, services: Services, sample_patient_ids: list[int]
) -> None:
    record = services.assessments.start(sample_patient_ids[0], date(2026, 5, 1), "A. Physio")
    saved = services.assessments.save_draft(
        record.id, with_value(record.assessment, HEIGHT, 171.0), record.version
    )
    # another workstation's 168 cm was not chosen in a conflict: kept in the history only
    services.conflicts.take_theirs(record.id, with_value(saved.assessment, HEIGHT, 168.0))
    window = MainWindow(services, AppSettings())
    qtbot.addWidget(window)
    window.show()
    history = action(window, "versionHistoryAction")
    assert not history.isEnabled()  # no open assessment
    assert window.open_assessment_by_id(record.id)
    editor = window.editor_area.current_editor()
    assert history.isEnabled()

    history.trigger()
    dialog = window.version_history.dialog
    assert dialog is not None and dialog.isVisible()
    titles = [dialog.version_list.item(row).text() for row in range(dialog.version_list.count())]
    discarded = next(row for row, title in enumerate(titles) if "not chosen" in title)
    dialog.version_list.setCurrentRow(discarded)
    assert dialog.select_finding(HEIGHT)
    qtbot.mouseClick(dialog.bring_back, Qt.MouseButton.LeftButton)

    assert get_value(editor.session.document, HEIGHT) == 168.0
    assert editor.fields[HEIGHT].typed_text().startswith("168")
    assert "Brought back" in dialog.notice.text()
    entries = services.audit.entries_for(EntityType.ASSESSMENT, record.id)
    assert entries[-1].action == AuditAction.FINDING_RESTORED
    assert editor.flush()
    assert get_value(services.assessments.load(record.id).assessment, HEIGHT) == 168.0

    dialog.close()
    action(window, "undoAction").trigger()
    assert get_value(editor.session.document, HEIGHT) == 171.0
    assert editor.fields[HEIGHT].typed_text().startswith("171")
    assert editor.flush()
    assert get_value(services.assessments.load(record.id).assessment, HEIGHT) == 171.0
    window.close()


def test_a_signed_note_shows_its_history_but_brings_nothing_back(
    qtbot, services: Services, sample_patient_ids: list[int]
) -> None:
    record = services.assessments.start(sample_patient_ids[0], date(2026, 5, 1), "A. Physio")
    saved = services.assessments.save_draft(
        record.id, with_value(record.assessment, HEIGHT, 171.0), record.version
    )
    services.conflicts.take_theirs(record.id, with_value(saved.assessment, HEIGHT, 168.0))
    services.signing.sign(record.id, None, expected_version=saved.version)
    window = MainWindow(services, AppSettings())
    qtbot.addWidget(window)
    window.show()
    assert window.open_assessment_by_id(record.id)

    action(window, "versionHistoryAction").trigger()
    dialog = window.version_history.dialog
    assert dialog is not None
    titles = [dialog.version_list.item(row).text() for row in range(dialog.version_list.count())]
    dialog.version_list.setCurrentRow(next(r for r, t in enumerate(titles) if "not chosen" in t))
    assert dialog.select_finding(HEIGHT)
    assert not dialog.bring_back.isEnabled()
    assert "signed" in dialog.notice.text()
    window.close()
