"""The hints panel beside the exam: live updates, go-to, decisions saved and undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from clinic_app.domain.decision import RULE_SET_VERSION, HintDecisionKind, Urgency
from clinic_app.ui.decision_support_presenter import DecisionSupportPresenter
from clinic_app.ui.editor.assessment_editor import EXAM_TAB
from clinic_app.ui.editor.fields.text_field import TextField
from clinic_app.ui.editor.fields.typed_line_field import TypedLineField
from tests.ui import demo_case_editing
from tests.ui.demo_case_editing import DemoClinic
from tests.ui.editor.editor_driving import enter_value, sample_value, text_input, type_text
from tests.ui.test_hints_panel import click

# The shared fixtures, made visible to pytest in this module
clinic = demo_case_editing.clinic
open_editor = demo_case_editing.open_editor

HEIGHT = ("history", "body", "height_cm")


def first_waiting_path(editor) -> tuple[str, tuple[str, ...]]:
    evaluation = editor.decision_support.evaluation
    hint = next(
        h for h in evaluation.cannot_evaluate if h.missing and h.missing[0] in editor.fields
    )
    return hint.rule_id, hint.missing[0]


def test_the_panel_is_evaluated_on_opening_with_the_earlier_assessments(open_editor):
    editor = open_editor(2)
    evaluation = editor.decision_support.evaluation
    assert evaluation is not None
    assert evaluation.conclusion.top_urgency is Urgency.EMERGENCY
    assert editor.top_urgency == "EMERGENCY"
    banner = editor.hints_panel.findChild(QLabel, "urgencyBannerText")
    assert banner.isVisible() and "EMERGENCY" in banner.text()
    assert editor.hints_panel.isVisible() and editor.hints_panel_visible


def test_a_burst_of_keystrokes_is_evaluated_once(qtbot, open_editor):
    editor = open_editor(1)
    presenter: DecisionSupportPresenter = editor.decision_support
    before = presenter.evaluation_count
    widget = editor.fields[HEIGHT]
    assert isinstance(widget, TypedLineField)
    editor.go_to(HEIGHT)
    widget.line_edit.selectAll()
    with qtbot.waitSignal(presenter.evaluated, timeout=3000):
        type_text(widget.line_edit, "171")  # three edits, one evaluation
    assert presenter.evaluation_count == before + 1
    assert not presenter.pending
    assert editor.session.document.history.body.height_cm == 171


def test_recording_a_missing_finding_updates_the_panel(qtbot, open_editor):
    editor = open_editor(1)
    rule_id, path = first_waiting_path(editor)
    widget = editor.fields[path]
    editor.go_to(path)
    with qtbot.waitSignal(editor.decision_support.evaluated, timeout=3000):
        enter_value(widget, sample_value(widget.spec, 1))
    still_missing = {p for h in editor.hints_panel.evaluation.hints for p in h.missing}
    assert path not in still_missing
    card = editor.hints_panel.card(rule_id)
    assert card is None or path not in card.hint.missing


def test_go_to_from_a_cannot_evaluate_hint_focuses_the_field(qtbot, open_editor):
    editor = open_editor(1)
    editor.work_tabs.setCurrentIndex(2)  # somewhere else: the plan page
    rule_id, path = first_waiting_path(editor)
    card = editor.hints_panel.card(rule_id)
    click(qtbot, card.expander)
    button = card.findChild(QPushButton, "goTo-" + ".".join(path))
    click(qtbot, button)
    assert editor.work_tabs.currentIndex() == EXAM_TAB
    assert editor.current_section() == path[0]
    widget = editor.fields[path]
    qtbot.waitUntil(lambda: widget.isAncestorOf(editor.focusWidget()) or widget.hasFocus())


def test_accept_and_dismiss_are_undoable_saved_and_restored(qtbot, clinic: DemoClinic, open_editor):
    editor = open_editor(2)
    fired = editor.decision_support.evaluation.fired
    accepted, dismissed = fired[0].rule_id, fired[1].rule_id
    card = editor.hints_panel.card(accepted)
    click(qtbot, card.expander)
    click(qtbot, card.accept)
    assert editor.session.document.hint_decisions[accepted].decision is HintDecisionKind.ACCEPTED
    qtbot.waitUntil(lambda: card.state.isVisible())

    editor.session.undo_stack.undo()
    assert accepted not in editor.session.document.hint_decisions
    qtbot.waitUntil(lambda: not card.state.isVisible())
    editor.session.undo_stack.redo()
    assert accepted in editor.session.document.hint_decisions

    other = editor.hints_panel.card(dismissed)
    click(qtbot, other.expander)
    click(qtbot, other.dismiss)
    other.reason.setFocus()
    type_text(other.reason, "Seen by the orthopaedic registrar today")
    click(qtbot, other.confirm)
    decision = editor.session.document.hint_decisions[dismissed]
    assert decision.decision is HintDecisionKind.DISMISSED
    assert decision.reason == "Seen by the orthopaedic registrar today"
    assert editor.flush()
    editor.close()

    restarted = clinic.restart()
    stored = restarted.assessments.load(editor.session.assessment_id).assessment
    assert set(stored.hint_decisions) == {accepted, dismissed}
    assert stored.rule_set_version == RULE_SET_VERSION
    reopened = open_editor(2)
    assert reopened.session.document.hint_decisions == stored.hint_decisions
    shown = reopened.hints_panel.card(dismissed).state
    assert shown.text() == "\u2716 Dismissed: Seen by the orthopaedic registrar today"


def test_the_rule_set_version_is_saved_with_an_edited_assessment(qtbot, clinic, open_editor):
    editor = open_editor(1)
    assert clinic.latest_assessment(1).assessment.rule_set_version is None
    notes = editor.fields[("referral",)]
    assert isinstance(notes, TextField)
    editor.go_to(("referral",))
    type_text(text_input(notes), "GP letter")
    assert editor.flush()
    stored = clinic.restart().assessments.load(editor.session.assessment_id).assessment
    assert stored.rule_set_version == RULE_SET_VERSION


def test_the_hints_panel_collapses_and_comes_back(qtbot, open_editor):
    editor = open_editor(1)
    editor.set_hints_panel_visible(False)
    assert not editor.hints_panel_visible
    editor.set_hints_panel_visible(True)
    assert editor.hints_panel_visible
    assert editor.hints_panel.isVisible()


def test_a_tab_title_says_when_its_urgency_is_provisional() -> None:
    from pathlib import Path

    from clinic_app.domain.case_file import parse_case
    from clinic_app.domain.decision import evaluate
    from clinic_app.ui.decision_support_presenter import urgency_headline

    cases = Path(__file__).parents[1] / "decision" / "cases" / "partial"
    partial = parse_case((cases / "p1_septic_arthritis.json").read_text(encoding="utf-8"))
    evaluation = evaluate(partial.patient, partial.assessment)
    assert evaluation.conclusion.urgency_provisional
    assert urgency_headline(evaluation).endswith("(provisional)")
