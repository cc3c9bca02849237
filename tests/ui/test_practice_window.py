"""A student plays a practice case in the exam form, commits an answer and reads feedback."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clinic_app.app import practice_service
from clinic_app.services.practice import PracticeService
from clinic_app.storage.data_folder import data_folder
from clinic_app.ui.practice.practice_window import FEEDBACK_TAB, PracticeWindow


@pytest.fixture
def practice() -> PracticeService:
    """The app's practice service over its own store in this test's data folder."""
    return practice_service()


def _play(qtbot: QtBot, practice: PracticeService, asked: list[str], **options: object
          ) -> PracticeWindow:
    window = PracticeWindow(practice, practice.case("bone-tumour"),
                            "Sam Student", **options)
    qtbot.addWidget(window)
    window.show()
    for key in asked:
        qtbot.mouseClick(window.exam.buttons[key], Qt.MouseButton.LeftButton)
    return window


def _answer(window: PracticeWindow, impression: str, urgency: str, imaging: str,
            loading: bool, qtbot: QtBot) -> None:
    form = window.answer_form
    form.impressions[0].setCurrentIndex(form.impressions[0].findData(impression))
    form.urgency.setCurrentIndex(form.urgency.findData(urgency))
    form.imaging.setCurrentIndex(form.imaging.findData(imaging))
    (form.loading_yes if loading else form.loading_no).setChecked(True)
    form.plan.setPlainText("Plan in a sentence.")
    qtbot.mouseClick(form.commit, Qt.MouseButton.LeftButton)


def test_an_attempt_missing_the_red_flag_screen_names_it_and_scores_lower(
    qtbot: QtBot, practice: PracticeService, tmp_path: Path
) -> None:
    window = _play(qtbot, practice, ["history.complaint.night_pain", "screens.inflammation.mass"])
    page = window.exam.pages["history"]
    assert page.fields[("history", "complaint", "night_pain")].findChild(
        type(window.answer_form.urgency)).currentText() == "Yes"
    fever = page.fields[("history", "systemic", "fever")]
    assert fever.findChild(type(window.answer_form.urgency)).currentText() == "Not assessed"
    assert not window.exam.buttons["history.complaint.night_pain"].isEnabled()
    assert window.hints.isHidden() and not window.tabs.isTabEnabled(FEEDBACK_TAB)

    qtbot.mouseClick(window.answer_form.commit, Qt.MouseButton.LeftButton)
    assert "Leading impression" in window.answer_form.error.text()  # nothing graded yet
    assert window.hints.isHidden()
    _answer(window, "Patellofemoral pain", "routine", "none", True, qtbot)

    assert window.tabs.currentIndex() == FEEDBACK_TAB and window.hints.isVisible()
    feedback = window.feedback.toPlainText()
    assert "Missed: Red-flag screen" in feedback and "Not asked: Fever (History)" in feedback
    assert window.result is not None and window.result.missed_items == ["Red-flag screen"]
    window.save_feedback_pdf(tmp_path / "feedback.pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "feedback.pdf").pages)
    assert "MISSED: Red-flag screen" in text and "Sam Student" in text

    complete_keys = [key for item in window.case.must_do for key in item.findings]
    complete = _play(qtbot, practice, complete_keys)
    _answer(complete, "Possible bone tumour", "urgent", "knee_radiographs", False, qtbot)
    assert complete.result is not None and complete.result.total > window.result.total

    attempts = practice.attempts(student="Sam Student")
    assert [a.total for a in attempts] == [window.result.total, complete.result.total]
    # kept apart from records: its own file; the clinical database was never touched
    assert sorted(p.name for p in data_folder().iterdir() if p.suffix == ".sqlite3") == [
        "practice.sqlite3"]


def test_osce_stops_asking_at_the_time_limit_and_records_the_time_used(
    qtbot: QtBot, practice: PracticeService
) -> None:
    seconds = [0]
    window = _play(qtbot, practice, [], osce_minutes=15, elapsed_seconds=lambda: seconds[0])
    assert window.timer_label.text() == "OSCE: 15:00 left"
    seconds[0] = 15 * 60 + 5
    qtbot.waitUntil(lambda: "time is up" in window.timer_label.text(), timeout=3000)
    window.ask("history.systemic.fever")
    assert window.asked == [] and not window.exam.isEnabled()
    _answer(window, "Possible bone tumour", "urgent", "knee_radiographs", False, qtbot)
    assert window.result is not None
    assert (window.result.mode, window.result.seconds_used, window.result.timed_out) == (
        "osce", 905, True)
