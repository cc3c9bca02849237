"""Two workstations edit one assessment: the later save opens the conflict dialog, and either
choice continues on a stored version while the other version is kept in the history."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from clinic_app.app import Services, build_services
from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.document_differences import FindingDifference
from clinic_app.domain.fields import with_value
from clinic_app.domain.records.audit import EntityType
from clinic_app.domain.records.roles import Role
from clinic_app.domain.version_history import DISCARDED_IN_CONFLICT, DISCARDED_IN_MERGE
from clinic_app.storage.database import Database
from clinic_app.ui.conflict_dialog import (
    MINE_HEADING,
    ConflictChoice,
    ConflictDialog,
    ConflictView,
)
from clinic_app.ui.editor.assessment_editor import AssessmentEditor
from clinic_app.ui.editor.conflict_presenter import LOCKED_MEANWHILE
from tests.records.helpers import clinic_users
from tests.ui.editor.editor_driving import replace_text
from tests.ui.editor.record_answers import AddendumAnswers, ConflictAnswers

GOALS = ("history", "goals")
HEIGHT = ("history", "body", "height_cm")


@pytest.fixture
def ward(database_url: str) -> Iterator[Services]:
    """The second workstation: its own database connection to the same file."""
    database = Database.open(database_url)
    yield build_services(database)
    database.close()


@pytest.fixture
def two_editors(make_editor, ward: Services) -> tuple[AssessmentEditor, AssessmentEditor]:
    """The same assessment open at the desk and on the ward."""
    return make_editor(), make_editor(using=ward)


def save_at(qtbot, editor: AssessmentEditor, path: tuple[str, ...], text: str) -> None:
    with qtbot.waitSignal(editor.session.savedAt, timeout=2000):
        replace_text(editor.fields[path], text)


def test_keep_mine_settles_only_the_finding_changed_on_both_sides(
    qtbot, two_editors, services: Services, monkeypatch
) -> None:
    desk, ward_editor = two_editors
    answers = ConflictAnswers(monkeypatch, ConflictChoice.KEEP_MINE)
    save_at(qtbot, desk, GOALS, "Run 5 km")
    save_at(qtbot, desk, HEIGHT, "168")

    with qtbot.waitSignal(ward_editor.session.savedAt, timeout=2000):
        replace_text(ward_editor.fields[GOALS], "Back to netball")

    [view] = answers.views
    [row] = view.differences  # the height changed on the desk only: merged, not asked
    assert (row.path, row.mine, row.theirs) == (GOALS, "Back to netball", "Run 5 km")
    assert row.title.startswith("History › ")
    stored = services.assessments.load(desk.session.assessment_id)
    assert view.theirs_heading.startswith(
        f"Saved on the other workstation (version {stored.version - 1}, "
    )
    assert view.choices == (ConflictChoice.KEEP_MINE, ConflictChoice.TAKE_THEIRS)
    assert stored.assessment.history.goals == "Back to netball"
    assert stored.assessment.history.body.height_cm == 168  # theirs, merged in
    assert ward_editor.session.document == stored.assessment
    assert ward_editor.fields[HEIGHT].typed_text().startswith("168")
    assert ward_editor.session.version == stored.version
    assert not ward_editor.session.has_unsaved_changes
    [kept] = services.conflicts.kept_versions(desk.session.assessment_id)
    assert kept.reason == DISCARDED_IN_MERGE
    assert kept.assessment.history.goals == "Run 5 km"

    save_at(qtbot, ward_editor, GOALS, "Back to netball in May")  # continues on its version
    assert len(answers.views) == 1


def test_changes_to_different_findings_merge_without_a_dialog(
    qtbot, two_editors, services: Services, monkeypatch
) -> None:
    desk, ward_editor = two_editors
    answers = ConflictAnswers(monkeypatch)
    save_at(qtbot, desk, HEIGHT, "168")
    told: list[str] = []
    ward_editor.session.noticed.connect(told.append)

    with qtbot.waitSignal(ward_editor.session.savedAt, timeout=2000):
        replace_text(ward_editor.fields[GOALS], "Back to netball")

    assert answers.views == []
    stored = services.assessments.load(desk.session.assessment_id)
    assert stored.assessment.history.goals == "Back to netball"
    assert stored.assessment.history.body.height_cm == 168
    assert ward_editor.session.document == stored.assessment
    assert ward_editor.fields[HEIGHT].typed_text().startswith("168")
    assert ward_editor.session.version == stored.version
    assert told == ["Merged with the changes saved on the other workstation: Height"]
    assert services.conflicts.kept_versions(desk.session.assessment_id) == []


def test_take_theirs_shows_their_version_and_keeps_mine_in_the_history(
    qtbot, two_editors, services: Services, monkeypatch
) -> None:
    desk, ward_editor = two_editors
    answers = ConflictAnswers(monkeypatch, ConflictChoice.TAKE_THEIRS)
    save_at(qtbot, desk, GOALS, "Run 5 km")

    with qtbot.waitSignal(ward_editor.session.savedAt, timeout=2000):
        replace_text(ward_editor.fields[GOALS], "Back to netball")

    assert len(answers.views) == 1
    stored = services.assessments.load(desk.session.assessment_id)
    assert stored.assessment.history.goals == "Run 5 km"
    assert ward_editor.fields[GOALS].notes_edit.toPlainText() == "Run 5 km"
    assert ward_editor.session.document.history.goals == "Run 5 km"
    assert ward_editor.session.version == stored.version
    # its steps belonged to the discarded version
    assert ward_editor.session.undo_stack.count() == 0
    [kept] = services.conflicts.kept_versions(desk.session.assessment_id)
    assert kept.reason == DISCARDED_IN_MERGE
    assert kept.assessment.history.goals == "Back to netball"

    replace_text(ward_editor.fields[GOALS], "Run 5 km and hike")
    assert ward_editor.flush()
    assert services.assessments.load(desk.session.assessment_id).assessment.history.goals == (
        "Run 5 km and hike"
    )


def test_signed_meanwhile_offers_theirs_and_turns_mine_into_an_addendum(
    qtbot, make_editor, ward: Services, services: Services, monkeypatch
) -> None:
    ward_editor = make_editor(using=ward)
    record = services.assessments.load(ward_editor.session.assessment_id)
    services.signing.sign(record.id, None, expected_version=record.version)
    answers = ConflictAnswers(monkeypatch, ConflictChoice.THEIRS_AND_ADDENDUM)
    addenda = AddendumAnswers(monkeypatch, lambda offered: offered)  # added as offered

    replace_text(ward_editor.fields[GOALS], "Back to netball")
    assert ward_editor.flush()

    [view] = answers.views
    assert view.theirs_status is AssessmentStatus.SIGNED
    assert view.choices == (ConflictChoice.TAKE_THEIRS, ConflictChoice.THEIRS_AND_ADDENDUM)
    assert view.theirs_heading.startswith("Signed on the other workstation (version ")
    assert view.theirs_heading.endswith("by Alex Morgan (PH123456))")
    [(offered, _error)] = addenda.shown
    assert "Back to netball (signed note: not assessed)" in offered
    [addendum] = services.signing.trail(record.id).addenda
    assert "Back to netball" in addendum.text
    assert ward_editor.session.read_only
    assert ward_editor.banner.text().startswith("Signed by Alex Morgan (PH123456)")
    assert ward_editor.addenda_panel.addenda == (addendum,)
    [kept] = services.conflicts.kept_versions(record.id)
    assert kept.reason == DISCARDED_IN_CONFLICT
    assert kept.assessment.history.goals == "Back to netball"


def test_keep_mine_refused_because_the_other_signed_while_the_dialog_was_open(
    qtbot, two_editors, services: Services, monkeypatch
) -> None:
    desk, ward_editor = two_editors
    save_at(qtbot, desk, GOALS, "Run 5 km")

    def sign_on_the_desk_then_keep_mine(view: ConflictView) -> ConflictChoice:
        stored = services.assessments.load(desk.session.assessment_id)
        services.signing.sign(stored.id, None, expected_version=stored.version)
        return ConflictChoice.KEEP_MINE

    answers = ConflictAnswers(
        monkeypatch, sign_on_the_desk_then_keep_mine, ConflictChoice.TAKE_THEIRS
    )
    replace_text(ward_editor.fields[GOALS], "Back to netball")
    assert ward_editor.flush()

    first, second = answers.views
    assert first.theirs_status is AssessmentStatus.DRAFT
    assert second.notice == LOCKED_MEANWHILE
    assert second.theirs_status is AssessmentStatus.SIGNED
    assert ward_editor.session.read_only
    assert ward_editor.session.document.history.goals == "Run 5 km"
    [kept] = services.conflicts.kept_versions(desk.session.assessment_id)
    assert kept.assessment.history.goals == "Back to netball"


def test_the_dialog_shows_both_versions_side_by_side_with_a_button_per_choice(qtbot) -> None:
    view = ConflictView(
        differences=(FindingDifference(GOALS, "History › Goals", "Back to netball", "Run 5 km"),),
        theirs_title="Saved on the other workstation",
        theirs_details=("version 4", "2024-06-03 14:05", "by Sam Reid"),
        theirs_status=AssessmentStatus.DRAFT,
    )
    dialog = ConflictDialog(view)
    qtbot.addWidget(dialog)

    assert [dialog.column_title(column) for column in range(3)] == [
        "Finding", MINE_HEADING, view.theirs_column_title,
    ]
    assert view.theirs_column_title.splitlines() == [
        "Saved on the other workstation", "version 4", "2024-06-03 14:05", "by Sam Reid",
    ]
    assert view.theirs_heading == (
        "Saved on the other workstation (version 4, 2024-06-03 14:05, by Sam Reid)"
    )
    assert [dialog.table.item(0, column).text() for column in range(3)] == [
        "History › Goals", "Back to netball", "Run 5 km",
    ]
    buttons = [button.text() for button in dialog.buttons.buttons()]
    assert sorted(buttons) == sorted(choice.value for choice in view.choices)
    assert dialog.buttons.standardButtons() == QDialogButtonBox.StandardButton.NoButton
    dialog.choice_buttons[ConflictChoice.TAKE_THEIRS].click()
    assert dialog.choice is ConflictChoice.TAKE_THEIRS


def test_the_dialog_names_who_saved_the_other_version(
    qtbot, patient_record, assessment_record, services: Services, ward: Services, monkeypatch
) -> None:
    users = clinic_users(services)
    desk = AssessmentEditor(
        services, patient_record, services.assessments.load(assessment_record.id),
        actor=users[Role.CLINICIAN],
    )
    qtbot.addWidget(desk)
    stored = ward.assessments.load(assessment_record.id)
    ward.assessments.save_draft(
        stored.id, with_value(stored.assessment, GOALS, "Run 5 km"), stored.version,
        actor=users[Role.SUPERVISOR],
    )
    answers = ConflictAnswers(monkeypatch, ConflictChoice.KEEP_MINE)

    replace_text(desk.fields[GOALS], "Back to netball")
    assert desk.flush()

    [view] = answers.views
    assert view.theirs_details[0] == f"version {stored.version + 1}"
    assert view.theirs_details[-1] == "by Sam Supervisor (REG-1)"
    entries = services.audit.entries_for(EntityType.ASSESSMENT, stored.id)
    assert (entries[-1].username, entries[-1].action) == ("cleo", "merged")
