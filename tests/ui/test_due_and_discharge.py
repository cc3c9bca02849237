"""Who is due back, discharge and the follow-up calendar file in the real main window
(issue 13): the "Due for follow-up" list from EpisodeService.due, refreshed by the change
watcher, Enter opens the patient; Discharge writes the summary PDF and closes the
episode; Save follow-up to calendar writes the .ics; both only when they apply."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from clinic_app.app import Services, build_services
from clinic_app.domain.episode.visits import VisitKind
from clinic_app.storage.database import Database
from clinic_app.ui.episode_presenter import CalendarFileDialog
from clinic_app.ui.export_presenter import ExportFileDialog
from clinic_app.ui.main_window import MainWindow
from tests.ui.test_follow_up_visit import open_window, record_visit, register, save_screenshot

TODAY = date.today()
FOLLOW_UP = ("follow_up_date",)


@pytest.fixture
def ward(ui_database_url: str, services: Services) -> Iterator[Services]:
    """Another workstation on the same database file."""
    database = Database.open(ui_database_url)
    yield build_services(database)
    database.close()


def due_rows(window: MainWindow) -> list[tuple[str, str, str]]:
    model = window.episode.due_panel.model
    return [tuple(model.index(row, column).data() for column in range(3))
            for row in range(model.rowCount())]


def test_the_due_list_shows_overdue_and_this_week_and_enter_opens_the_patient(
    qtbot, services: Services, ward: Services
) -> None:
    late = register(services, "Late")
    soon = register(services, "Soon")
    later = register(services, "Later")
    record_visit(services, late, TODAY - timedelta(days=20), {FOLLOW_UP: TODAY - timedelta(2)})
    record_visit(services, soon, TODAY - timedelta(days=10), {FOLLOW_UP: TODAY + timedelta(3)})
    record_visit(services, later, TODAY - timedelta(days=5), {FOLLOW_UP: TODAY + timedelta(20)})

    window = open_window(qtbot, services)
    panel = window.episode.due_panel
    assert due_rows(window) == [
        ("Late, Zoë", (TODAY - timedelta(2)).isoformat(), "Overdue: 2 days overdue"),
        ("Soon, Zoë", (TODAY + timedelta(3)).isoformat(), "Due this week: in 3 days"),
    ]
    assert panel.heading.text() == "&Due for follow-up (2, 1 overdue)"
    if os.environ.get("CLINIC_APP_SCREENSHOTS"):  # refresh the README's picture on request
        save_screenshot(window, "due-for-follow-up.png")

    window.activateWindow()
    qtbot.waitActive(window)
    panel.table.setFocus()
    panel.table.selectRow(1)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    selected = window.selected_patient()
    assert selected is not None and selected.id == soon
    qtbot.waitUntil(window.assessment_table.hasFocus)

    # Another workstation sets a follow-up for tomorrow: listed at the next poll.
    record_visit(ward, later, TODAY, {FOLLOW_UP: TODAY + timedelta(1)})
    assert window.change_watcher.check()
    assert [row[0] for row in due_rows(window)] == ["Late, Zoë", "Later, Zoë", "Soon, Zoë"]


def test_discharge_writes_the_summary_and_closes_the_episode(
    qtbot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patient = register(services, "Ñúñez")
    first = record_visit(services, patient, TODAY - timedelta(weeks=8), {
        ("outcomes", "pain", "usual"): 6, FOLLOW_UP: TODAY + timedelta(2)})
    window = open_window(qtbot, services)
    assert [row[0] for row in due_rows(window)] == ["Ñúñez, Zoë"]
    discharge = window.action_registry["dischargeAction"]
    calendar = window.action_registry["saveFollowUpCalendarAction"]
    assert not discharge.isEnabled() and "select the patient's newest" in discharge.toolTip()

    newest = record_visit(services, patient, TODAY, {("outcomes", "pain", "usual"): 1})
    window.refresh_lists()
    qtbot.waitUntil(lambda: window.select_patient(patient))
    window.assessment_table.selectRow(window.assessments.model.row_of(first))
    assert not discharge.isEnabled()
    assert "only the patient's newest visit can be the discharge" in discharge.toolTip()
    assert calendar.isEnabled()  # the first visit has a follow-up date
    window.assessment_table.selectRow(window.assessments.model.row_of(newest))
    assert discharge.isEnabled() and "Not available" not in discharge.toolTip()
    assert not calendar.isEnabled()
    assert "no follow-up date: set one on its Note tab" in calendar.toolTip()

    summary = tmp_path / "discharge.pdf"
    monkeypatch.setattr(ExportFileDialog, "ask", classmethod(lambda cls, p, t, s: summary))
    discharge.trigger()
    assert services.episodes.visit_kind(newest) is VisitKind.DISCHARGE
    text = " ".join(page.extract_text() for page in PdfReader(summary).pages)
    assert "Discharge summary" in text and "Ñúñez" in text
    assert summary.stat().st_mode & 0o077 == 0  # owner-only
    assert due_rows(window) == []  # a discharged episode is nobody's follow-up
    assert "saves the summary again" in discharge.toolTip()


def test_cancelling_the_discharge_file_leaves_the_episode_open(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    patient = register(services, "Open")
    visit = record_visit(services, patient, TODAY, {})
    window = open_window(qtbot, services)
    qtbot.waitUntil(lambda: window.select_patient(patient))
    monkeypatch.setattr(ExportFileDialog, "ask", classmethod(lambda cls, p, t, s: None))
    window.action_registry["dischargeAction"].trigger()
    assert services.episodes.visit_kind(visit) is VisitKind.INITIAL


def test_the_follow_up_is_saved_as_a_calendar_file(
    qtbot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patient = register(services, "Ñúñez")
    on = TODAY + timedelta(days=12)
    record_visit(services, patient, TODAY, {FOLLOW_UP: on})
    window = open_window(qtbot, services)
    qtbot.waitUntil(lambda: window.select_patient(patient))
    asked: list[Path] = []
    target = tmp_path / "follow-up.ics"

    def answer(cls: object, parent: object, title: str, suggested: Path) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(CalendarFileDialog, "ask", classmethod(answer))
    window.action_registry["saveFollowUpCalendarAction"].trigger()
    assert asked and asked[0].suffix == ".ics"
    calendar = target.read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in calendar and f"DTSTART;VALUE=DATE:{on:%Y%m%d}" in calendar
    assert target.stat().st_mode & 0o077 == 0
