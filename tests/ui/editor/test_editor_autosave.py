"""Autosave writes each change with its version; a stale write is reported, nothing dropped."""

from __future__ import annotations

import re

from clinic_app.app import build_services, open_database
from clinic_app.domain.fields import with_value
from tests.ui.editor.editor_driving import replace_text, type_text
from tests.ui.editor.record_answers import ConflictAnswers

GOALS = ("history", "goals")


def test_change_is_saved_shortly_after_typing(qtbot, editor, services):
    with qtbot.waitSignal(editor.session.savedAt, timeout=2000) as saved:
        replace_text(editor.fields[("history", "body", "height_cm")], "168")
    assert re.fullmatch(r"\d\d:\d\d:\d\d", saved.args[0])
    stored = services.assessments.load(editor.session.assessment_id)
    assert stored.assessment.history.body.height_cm == 168
    assert stored.version == editor.session.version


def test_stale_write_is_reported_and_text_is_kept(qtbot, editor, database_url, monkeypatch):
    """The conflict dialog closed without a choice: nothing is written, nothing dropped."""
    postponed = ConflictAnswers(monkeypatch)  # every time: closed without choosing
    other = build_services(open_database(database_url))
    elsewhere = other.assessments.load(editor.session.assessment_id)
    other.assessments.save_draft(
        elsewhere.id,
        with_value(elsewhere.assessment, GOALS, "Run 5 km"),  # the same finding: asked
        elsewhere.version,
    )
    with qtbot.waitSignal(editor.session.saveFailed, timeout=2000) as failed:
        replace_text(editor.fields[GOALS], "Back to netball")
    assert "changed in another window" in failed.args[0]
    assert editor.session.document.history.goals == "Back to netball"
    type_text(editor.fields[GOALS].notes_edit, " by May")
    assert editor.flush() is False
    assert editor.session.has_unsaved_changes
    assert editor.fields[GOALS].notes_edit.toPlainText() == "Back to netball by May"
    assert other.assessments.load(editor.session.assessment_id).assessment.history.goals == (
        "Run 5 km"
    )
    assert len(postponed.views) == 2  # asked again at the next save


def test_close_writes_pending_changes(qtbot, editor, services):
    replace_text(editor.fields[GOALS], "Hike Snowdon")
    editor.close()
    stored = services.assessments.load(editor.session.assessment_id).assessment
    assert stored.history.goals == "Hike Snowdon"
