"""A: the clinical impression from decision support, and the clinician's decisions on hints.

The product offers hints; the note states which the clinician accepted (with the
reasoning) and which were dismissed (with the reason). Hints not yet reviewed
are listed too, so nothing pressing disappears from the record.
"""

from __future__ import annotations

from clinic_app.domain.assessment import Assessment, HintDecisionKind
from clinic_app.domain.decision import Evaluation, Hint
from clinic_app.domain.soap.document import Block, Line


def appraisal_blocks(assessment: Assessment, evaluation: Evaluation) -> tuple[Block, ...]:
    conclusion = evaluation.conclusion
    impression: list[Line] = [
        Line(f"{item.condition} ({item.confidence})", "Impression:")
        for item in conclusion.impressions
    ]
    if not impression:
        impression.append(Line("No leading impression from the findings recorded.", "Impression:"))
    urgent = conclusion.top_urgency.rank >= 2 or conclusion.urgency_provisional
    impression.append(Line(conclusion.urgency_headline.capitalize(), "Urgency:",
                           abnormal=urgent))
    impression.append(Line(conclusion.imaging.describe(), "Imaging:",
                           abnormal=not conclusion.imaging.is_none))
    if conclusion.referral:
        impression.append(Line(conclusion.referral, "Referral advised:", abnormal=True))
    if conclusion.possible:
        impression.append(Line(
            "Loading programme withheld until recorded: "
            + "; ".join(p.statement for p in conclusion.possible) + ".",
            "Exercise:", abnormal=True,
        ))
    elif not conclusion.loading_programme_allowed:
        impression.append(Line(
            "Loading programme withheld: referral first.", "Exercise:", abnormal=True
        ))
    if conclusion.red_flags_not_screened:
        impression.append(Line(
            "incomplete, not cleared: " + "; ".join(conclusion.red_flags_not_screened) + ".",
            "Red-flag screen:", abnormal=True,
        ))
    if assessment.red_flag_screen_cleared_by:
        impression.append(Line(
            f"checklist recorded negative item by item by {assessment.red_flag_screen_cleared_by}.",
            "Red-flag screen:",
        ))
    blocks = [Block("Clinical impression (decision support, weighed by the clinician)",
                    tuple(impression))]
    accepted, dismissed, open_hints = _by_decision(assessment, evaluation)
    if accepted:
        blocks.append(Block("Hints accepted by the clinician", tuple(
            _hint_line(hint) for hint in accepted
        )))
    if dismissed:
        blocks.append(Block("Hints dismissed by the clinician", tuple(
            Line(f"{hint.title}. Reason: {reason}", f"[{hint.rule_id}]")
            for hint, reason in dismissed
        )))
    if open_hints:
        blocks.append(Block("Hints not yet reviewed", tuple(
            _hint_line(hint, with_reasoning=False) for hint in open_hints
        )))
    cannot = [hint for hint in evaluation.cannot_evaluate]
    if cannot:
        # Counted only: the findings they need are counted under O, and the red flags
        # among them are named above.
        blocks.append(Block(None, (Line(
            f"{len(cannot)} rule{'s' if len(cannot) > 1 else ''} (findings missing).",
            "Not evaluated:",
        ),)))
    return tuple(blocks)


def _hint_line(hint: Hint, with_reasoning: bool = True) -> Line:
    """The hint with what fired it and its action; the rule's reasoning for a decided hint
    (an open hint's reasoning is one click away in the app)."""
    found = "; ".join(f"{t.label} = {t.value}" for t in hint.triggers)
    text = f"{hint.title} ({hint.category.label.lower()}, {hint.urgency.label.lower()})."
    if with_reasoning:
        text += f" {hint.reasoning}"
    if found:
        text += f" Findings: {found}."
    if hint.action:
        text += f" Action: {hint.action}"
    return Line(text, f"[{hint.rule_id}]", abnormal=hint.urgency.rank >= 2)


def _by_decision(
    assessment: Assessment, evaluation: Evaluation
) -> tuple[list[Hint], list[tuple[Hint, str]], list[Hint]]:
    accepted: list[Hint] = []
    dismissed: list[tuple[Hint, str]] = []
    open_hints: list[Hint] = []
    for hint in evaluation.fired:
        decision = assessment.hint_decisions.get(hint.rule_id)
        if decision is None:
            open_hints.append(hint)
        elif decision.decision is HintDecisionKind.ACCEPTED:
            accepted.append(hint)
        else:
            dismissed.append((hint, decision.reason or ""))
    return accepted, dismissed, open_hints
