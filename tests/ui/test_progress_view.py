"""The progress view: a baseline and two follow-ups recorded through the services, the
view opened from the main window's Progress action, its chart's series and MCID band."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clinic_app.app import Services, build_services
from clinic_app.storage.database import Database
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.progress_dialog import ProgressDialog
from clinic_app.ui.settings import AppSettings
from tests.episode.building import outcomes, record_baseline
from tests.ui.ui_helpers import StandInEditor

TREATMENT = ("history", "treatment")
SCREENSHOT = Path(__file__).parents[2] / "resources" / "screenshots" / "progress-view.png"


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    """A database of this test's own (made after its private data folder is set)."""
    database = Database.open(f"sqlite:///{tmp_path / 'clinic.sqlite3'}")
    yield build_services(database)
    database.close()


def test_progress_view_shows_series_and_mcid_band(qtbot, services: Services) -> None:
    patient = record_baseline(services, date(2026, 1, 5), outcomes(58, 6, 8))
    services.episodes.record_follow_up(
        patient, date(2026, 2, 2), "A. Clinician",
        {**outcomes(63, 5, 7), (*TREATMENT, "weeks"): 4, (*TREATMENT, "adherence_percent"): 90})
    services.episodes.record_follow_up(
        patient, date(2026, 3, 2), "A. Clinician",
        {**outcomes(78, 2, 4), (*TREATMENT, "weeks"): 8, (*TREATMENT, "adherence_percent"): 85})

    window = MainWindow(services, AppSettings(), editor_factory=StandInEditor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.select_patient(patient))
    window.action_registry["progressAction"].trigger()
    qtbot.waitUntil(lambda: window.findChild(ProgressDialog) is not None)
    dialog = window.findChild(ProgressDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)

    chart = dialog.chart.chart
    assert chart is not None and chart.key == "akps"
    assert [value for _, value in chart.lines[0].points] == [58, 63, 78]
    assert chart.band is not None and (chart.band.low, chart.band.high) == (48, 68)
    band = dialog.chart.band_rect()
    assert band is not None
    baseline_y = dialog.chart.to_pixels(0, 58).y()
    assert band.top() < baseline_y < band.bottom()  # the band is centred on the baseline
    assert dialog.chart.to_pixels(56, 78).y() < band.top()  # 78 lies above: meaningful
    assert dialog.table.item(0, 3).text().startswith("+20 points (58 -> 78): meaningful")

    dialog.chart_choice.setCurrentIndex(dialog.chart_choice.findData("nprs"))
    pain = dialog.chart.chart
    assert pain is not None
    assert [line.label for line in pain.lines] == [
        "Usual pain (NPRS)", "Worst pain last week (NPRS)"]
    assert [value for _, value in pain.lines[1].points] == [8, 7, 4]
    # 2 points or 30 % of the baseline 6, whichever is smaller: 1.8
    assert pain.band is not None
    assert (pain.band.low, pain.band.high) == pytest.approx((4.2, 7.8))

    dialog.chart_choice.setCurrentIndex(0)
    QApplication.processEvents()
    if os.environ.get("CLINIC_APP_SCREENSHOTS"):  # refresh the README's picture on request
        dialog.grab().save(str(SCREENSHOT))
