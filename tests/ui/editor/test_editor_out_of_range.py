"""A refused value is shown beside its field, never applied, and never saved."""

from __future__ import annotations

from clinic_app.ui.editor.fields.base import UnparsedText
from clinic_app.ui.editor.fields.number_field import parse_number
from tests.ui.editor.editor_driving import replace_text

HEIGHT = ("history", "body", "height_cm")
NPRS = ("outcomes", "pain", "usual")


def test_out_of_range_value_is_shown_and_not_saved(qtbot, editor, services):
    height = editor.fields[HEIGHT]
    editor.go_to(HEIGHT)
    replace_text(height, "170")
    assert editor.flush()
    saved_version = services.assessments.load(editor.session.assessment_id).version
    height.line_edit.clearFocus()  # the user moves on, and comes back later

    replace_text(height, "300")
    qtbot.waitUntil(lambda: height.error_text() != "")

    assert "300 is not allowed" in height.error_text()
    assert "from 50 to 250 cm" in height.error_text()
    assert "Kept: 170" in height.error_text()
    assert height.line_edit.text() == "300"  # what was typed stays visible to be corrected
    assert editor.session.document.history.body.height_cm == 170
    assert editor.flush()
    stored = services.assessments.load(editor.session.assessment_id)
    assert stored.assessment.history.body.height_cm == 170
    assert stored.version == saved_version  # nothing was written at all


def test_partial_prefix_of_a_refused_number_is_not_kept(qtbot, editor, services):
    """Typing 25 for a 0-10 score passes through the valid "2": the finding must not keep it."""
    nprs = editor.fields[NPRS]
    editor.go_to(NPRS)
    replace_text(nprs, "7")
    nprs.clearFocus()
    replace_text(nprs, "25")
    qtbot.waitUntil(lambda: nprs.error_text() != "")
    assert editor.session.document.outcomes.pain.usual == 7
    editor.flush()
    stored = services.assessments.load(editor.session.assessment_id).assessment
    assert stored.outcomes.pain.usual == 7


def test_correcting_the_value_clears_the_error(qtbot, editor):
    height = editor.fields[HEIGHT]
    replace_text(height, "abc")
    height.line_edit.editingFinished.emit()
    assert "abc is not allowed" in height.error_text()
    replace_text(height, "181,5")
    assert height.error_text() == ""
    assert editor.session.document.history.body.height_cm == 181.5


def test_whole_numbers_refuse_fractions(qtbot, editor):
    stiffness = editor.fields[("history", "complaint", "morning_stiffness_minutes")]
    replace_text(stiffness, "7.5")
    qtbot.waitUntil(lambda: stiffness.error_text() != "")
    assert "a whole number" in stiffness.error_text()
    assert editor.session.document.history.complaint.morning_stiffness_minutes is None


def test_clearing_the_assessment_date_is_refused(qtbot, editor):
    day = editor.fields[("assessment_date",)]
    before = editor.session.document.assessment_date
    replace_text(day, "")
    qtbot.waitUntil(lambda: day.error_text() != "")
    assert editor.session.document.assessment_date == before


def test_parse_number_reads_what_people_type():
    assert parse_number(" 12,5 ", integer=False) == 12.5
    assert parse_number("-3", integer=True) == -3
    assert parse_number("", integer=False) is None
    for text in ("nan", "1e3", "1_000", "--1", "12a"):
        assert isinstance(parse_number(text, integer=False), UnparsedText)
