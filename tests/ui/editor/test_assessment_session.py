"""The session the editor views: commands change it, it says what changed, it saves and
it refuses edits to a signed note; no widget is involved."""

from __future__ import annotations

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.fields import with_value
from clinic_app.ui.editor.assessment_session import AssessmentSession

GOALS = ("history", "goals")


def test_commands_change_the_session_which_saves_and_reports(
    qtbot, services, patient_record, assessment_record
) -> None:
    session = AssessmentSession(services.assessments, patient_record, assessment_record)
    changes: list[tuple[tuple[str, ...], bool]] = []
    session.findingChanged.connect(lambda path, refresh: changes.append((path, refresh)))
    after = with_value(session.document, GOALS, "Run 5 km")
    with qtbot.waitSignal(session.savedAt, timeout=2000):
        session.set_finding(GOALS, after, "Goals")
    assert session.document.history.goals == "Run 5 km" and not session.has_unsaved_changes
    assert services.assessments.load(session.assessment_id).assessment.history.goals == "Run 5 km"
    session.undo_stack.undo()
    assert session.document.history.goals is None
    assert changes == [(GOALS, False), (GOALS, True)]  # typed, then undone
    assert session.flush()
    assert services.assessments.load(session.assessment_id).assessment.history.goals is None


def test_a_signed_note_is_read_only_and_never_changed(
    qtbot, services, patient_record, assessment_record
) -> None:
    services.signing.sign(assessment_record.id, None)
    stored = services.assessments.load(assessment_record.id)
    session = AssessmentSession(services.assessments, patient_record, stored)
    assert session.read_only and session.status is AssessmentStatus.SIGNED
    session.set_finding(GOALS, with_value(session.document, GOALS, "late"), "Goals")
    assert session.document.history.goals is None and session.undo_stack.count() == 0
    assert session.accepts_addenda and not session.can_be_signed
