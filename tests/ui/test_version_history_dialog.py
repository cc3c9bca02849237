"""The version history dialog on a real database: versions listed with who and when, the
findings an earlier version records differently, and one brought back through the editor's
restore callback."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clinic_app.app import Services
from clinic_app.domain.fields import get_value, with_value
from clinic_app.ui.version_history_dialog import VersionHistoryDialog

HEIGHT = ("history", "body", "height_cm")


def test_a_finding_from_an_earlier_version_comes_back_through_restore(
    qtbot: QtBot, services: Services, sample_patient_ids: list[int]
) -> None:
    record = services.assessments.start(sample_patient_ids[0], date(2026, 5, 1), "A. Physio")
    first = services.assessments.save_draft(
        record.id, with_value(record.assessment, HEIGHT, 171.0), record.version
    )
    # a conflict elsewhere kept another person's version in the history
    services.conflicts.take_theirs(record.id, with_value(first.assessment, HEIGHT, 168.0))
    current = [services.assessments.load(record.id).assessment]
    restored: list[tuple] = []

    def restore(path, value, version) -> bool:
        restored.append((path, value, version))
        current[0] = with_value(current[0], path, value)
        return True

    dialog = VersionHistoryDialog(
        services.versions.versions(record.id), lambda: current[0], restore
    )
    qtbot.addWidget(dialog)
    titles = [dialog.version_list.item(row).text() for row in range(dialog.version_list.count())]
    assert titles[0].startswith("Version ") and "not chosen in a conflict" in titles[0]
    assert all("Alex Morgan" in title for title in titles)

    dialog.version_list.setCurrentRow(0)
    assert dialog.table.item(0, 0).text() == "History › Body › Height"
    assert (dialog.table.item(0, 1).text(), dialog.table.item(0, 2).text()) == (
        "168 cm", "171 cm"
    )
    assert dialog.select_finding(HEIGHT)
    qtbot.mouseClick(dialog.bring_back, Qt.MouseButton.LeftButton)

    assert restored == [(HEIGHT, 168.0, dialog.selected_version.version)]
    assert get_value(current[0], HEIGHT) == 168.0
    assert dialog.table.rowCount() == 0 and "Brought back" in dialog.notice.text()


def test_a_signed_note_brings_nothing_back(
    qtbot: QtBot, services: Services, sample_patient_ids: list[int]
) -> None:
    record = services.assessments.start(sample_patient_ids[0], date(2026, 5, 1), "A. Physio")
    services.assessments.save_draft(
        record.id, with_value(record.assessment, HEIGHT, 171.0), record.version
    )
    dialog = VersionHistoryDialog(
        services.versions.versions(record.id), lambda: record.assessment, None
    )
    qtbot.addWidget(dialog)
    dialog.version_list.setCurrentRow(0)
    dialog.table.selectRow(0)
    assert not dialog.bring_back.isEnabled()
    assert "signed" in dialog.notice.text()
