"""The hints panel, driven as a clinician would (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QToolButton

from clinic_app.cli.commands_case import read_case
from clinic_app.domain.assessment import Assessment
from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.decision import (
    Evaluation,
    HintDecision,
    HintDecisionKind,
    evaluate,
)
from clinic_app.domain.fields import with_value
from clinic_app.resources import resource
from clinic_app.ui.hints_panel import HintsPanel

SHOTS = Path("/tmp/shots")


def load_case(number: int) -> CaseFile:
    return read_case(resource("demo", f"case{number}.json"))


def evaluate_case(case: CaseFile, assessment: Assessment | None = None) -> Evaluation:
    return evaluate(case.patient, assessment or case.assessment, case.earlier_assessments)


def click(qtbot, button: QPushButton | QToolButton) -> None:
    """Click once the layout has given the button its size (layouts settle in the loop)."""
    qtbot.waitUntil(lambda: button.isVisible() and button.height() > 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def panel(qtbot) -> HintsPanel:
    widget = HintsPanel()
    qtbot.addWidget(widget)
    widget.resize(520, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_emergency_banner_names_scfe_and_hip_films(qtbot, panel: HintsPanel) -> None:
    panel.show_evaluation(evaluate_case(load_case(2)), {})
    banner = panel.findChild(QLabel, "urgencyBannerText")
    assert banner is not None and banner.isVisible()
    assert banner.text().startswith("\u26a0 EMERGENCY")
    assert "slipped capital femoral epiphysis" in banner.text().lower()
    imaging = panel.findChild(QLabel, "imagingAdvice")
    assert "both hips" in imaging.text() and "frog-leg lateral" in imaging.text()
    loading = panel.findChild(QLabel, "loadingProgramme")
    assert "withheld" in loading.text().lower()
    SHOTS.mkdir(parents=True, exist_ok=True)
    scfe = panel.card("SCFE")
    assert scfe is not None
    scfe.set_expanded(True)
    body = scfe.findChild(QLabel, "body")
    accept = scfe.findChild(QPushButton, "accept")
    qtbot.waitUntil(
        lambda: body.height() >= body.heightForWidth(body.width()) > 0
        and accept.mapTo(scfe, accept.rect().topLeft()).y()
        >= body.mapTo(scfe, body.rect().bottomLeft()).y()
    )
    assert panel.grab().save(str(SHOTS / "hints_case2.png"))


def test_expanding_shows_findings_reasoning_and_sources(qtbot, panel: HintsPanel) -> None:
    panel.show_evaluation(evaluate_case(load_case(2)), {})
    card = panel.card("SCFE")
    assert card is not None and not card.details.isVisible()
    click(qtbot, card.findChild(QToolButton, "expand"))
    assert card.details.isVisible()
    body = card.findChild(QLabel, "body").text()
    assert "Obligatory external rotation" in body
    assert "Reasoning" in body and "Peck DM" in body and "frog-leg lateral" in body


def test_cannot_evaluate_hint_goes_to_the_missing_finding(qtbot, panel: HintsPanel) -> None:
    panel.show_evaluation(evaluate_case(load_case(3)), {})
    card = panel.card("RF-EXTENSOR")
    assert card is not None and card.hint is not None and not card.hint.fired
    card.set_expanded(True)
    button = card.findChild(QPushButton, "goTo-screens.acute.straight_leg_raise_possible")
    assert button is not None and "Straight-leg raise" in button.text()
    with qtbot.waitSignal(panel.goToFindingRequested) as blocker:
        click(qtbot, button)
    assert blocker.args == [("screens", "acute", "straight_leg_raise_possible")]


def test_accept_and_dismiss_with_reason(qtbot, panel: HintsPanel) -> None:
    panel.show_evaluation(evaluate_case(load_case(4)), {})
    card = panel.card("TENDINOPATHY")
    assert card is not None
    card.set_expanded(True)
    with qtbot.waitSignal(panel.hintDecisionRequested) as blocker:
        click(qtbot, card.findChild(QPushButton, "accept"))
    rule_id, decision = blocker.args
    assert rule_id == "TENDINOPATHY" and decision.decision is HintDecisionKind.ACCEPTED

    click(qtbot, card.findChild(QPushButton, "dismiss"))
    confirm = card.findChild(QPushButton, "confirmDismiss")
    assert not confirm.isEnabled()  # a reason is required
    reason = card.findChild(QLineEdit, "dismissReason")
    qtbot.keyClicks(reason, "Pain is at the tibial tubercle on recheck")
    assert confirm.isEnabled()
    with qtbot.waitSignal(panel.hintDecisionRequested) as blocker:
        click(qtbot, confirm)
    rule_id, decision = blocker.args
    assert decision.decision is HintDecisionKind.DISMISSED
    assert decision.reason == "Pain is at the tibial tubercle on recheck"

    panel.show_evaluation(panel.evaluation, {"TENDINOPATHY": decision})
    state = card.findChild(QLabel, "decisionState")
    assert state.isVisible() and "Dismissed: Pain is at the tibial tubercle" in state.text()


def test_read_only_panel_offers_no_decisions_also_on_later_cards(
    qtbot, panel: HintsPanel
) -> None:
    panel.show_evaluation(evaluate_case(load_case(4)), {})
    panel.set_read_only(True)
    card = panel.card("TENDINOPATHY")
    card.set_expanded(True)
    reason = card.findChild(QLineEdit, "dismissReason")
    reason.setText("typed before signing")
    for name in ("accept", "dismiss", "confirmDismiss"):
        assert not card.findChild(QPushButton, name).isEnabled(), name
    assert reason.isReadOnly()
    with qtbot.assertNotEmitted(panel.hintDecisionRequested):
        reason.returnPressed.emit()  # Enter in the reason field must not decide either
    panel.set_read_only(False)
    assert card.findChild(QPushButton, "confirmDismiss").isEnabled()  # its reason is typed
    panel.set_read_only(True)

    panel.show_evaluation(evaluate_case(load_case(2)), {})  # new cards after re-evaluation
    scfe = panel.card("SCFE")
    assert scfe is not None and scfe.read_only
    assert not scfe.findChild(QPushButton, "accept").isEnabled()

    panel.set_read_only(False)
    assert scfe.findChild(QPushButton, "accept").isEnabled()


def test_non_ascii_dismissal_reason_is_kept(qtbot, panel: HintsPanel) -> None:
    panel.show_evaluation(evaluate_case(load_case(5)), {})
    card = panel.card("ITB-SYNDROME")
    card.set_expanded(True)
    click(qtbot, card.findChild(QPushButton, "dismiss"))
    card.findChild(QLineEdit, "dismissReason").setText("Schmerz medial – Ärztin sieht es anders")
    with qtbot.waitSignal(panel.hintDecisionRequested) as blocker:
        click(qtbot, card.findChild(QPushButton, "confirmDismiss"))
    assert blocker.args[1].reason == "Schmerz medial – Ärztin sieht es anders"


def test_update_reuses_cards_and_keeps_expansion(panel: HintsPanel) -> None:
    case = load_case(1)
    panel.show_evaluation(evaluate_case(case), {})
    card = panel.card("PFP-CRITERIA")
    card.set_expanded(True)
    changed = with_value(case.assessment, ("patellar", "right", "lateral_facet_tender"), True)
    panel.show_evaluation(evaluate_case(case, changed), {})
    assert panel.card("PFP-CRITERIA") is card and card.expanded and card.details.isVisible()
    # a new red flag appears above, and the PFP card keeps its state
    locked = with_value(changed, ("history", "mechanical", "true_locking"), True)
    panel.show_evaluation(evaluate_case(case, locked), {})
    assert panel.card("RF-LOCKED-KNEE") is not None and panel.card("RF-LOCKED-KNEE").hint.fired
    assert panel.card("PFP-CRITERIA") is card and card.expanded
    banner = panel.findChild(QLabel, "urgencyBannerText")
    assert "URGENT" in banner.text()


def test_decisions_shown_for_accepted_hint(panel: HintsPanel) -> None:
    decisions = {"PFP-CRITERIA": HintDecision(decision=HintDecisionKind.ACCEPTED)}
    panel.show_evaluation(evaluate_case(load_case(1)), decisions)
    state = panel.card("PFP-CRITERIA").findChild(QLabel, "decisionState")
    assert "Accepted" in state.text()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted: set[str] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(watched.objectName())
        return False


def settle(qtbot, counter: PaintCounter) -> None:
    """New cards are laid out and painted from the event loop, wrapped text over a few
    passes: wait until a tenth of a second goes by without painting (at most 5 s)."""
    for _ in range(50):
        counter.painted.clear()
        qtbot.wait(100)
        if not counter.painted:
            return
    raise AssertionError("the panel kept repainting")


def test_a_new_evaluation_repaints_only_the_cards_that_changed(qtbot, panel: HintsPanel) -> None:
    case = load_case(1)
    before = evaluate_case(case)
    panel.show_evaluation(before, {})
    cards = [panel.card(hint.rule_id) for hint in before.hints]
    counter = PaintCounter()
    for card in cards:
        card.installEventFilter(counter)
    settle(qtbot, counter)

    panel.show_evaluation(evaluate_case(case), {})  # the same evaluation again
    QApplication.processEvents()
    assert counter.painted == set()

    changed = with_value(case.assessment, ("patellar", "right", "lateral_facet_tender"), True)
    after = evaluate_case(case, changed)
    differing = {f"hint-{h.rule_id}" for h in after.hints if panel.card(h.rule_id).hint != h}
    places = {card.objectName(): card.geometry() for card in cards}
    panel.show_evaluation(after, {})
    QApplication.processEvents()
    moved = {card.objectName() for card in cards if card.geometry() != places[card.objectName()]}
    assert differing and counter.painted <= differing | moved  # a taller card moves those below
    assert len(counter.painted) < len(cards)

    cards[0].update()  # painting is seen at all
    QApplication.processEvents()
    assert cards[0].objectName() in counter.painted
