"""Scored feedback on one attempt: completeness, reasoning against the key, efficiency.

Points (100 in all): completeness 40 (the must-do items, shared equally), reasoning 50
(leading impression 20, or 10 when the key's leading impression is named but not first;
urgency 10; imaging 10; loading decision 10), efficiency 10 (2 off for each test the
decision support gives no weight to, down to 0). The plan is free text: shown beside the
model plan, never scored (free text never decides, here as in the rules).
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel

from clinic_app.domain.decision import Evaluation, Hint, evaluate
from clinic_app.domain.decision.registry import rule_by_id
from clinic_app.domain.practice.attempt import Attempt
from clinic_app.domain.practice.case import PracticeCase
from clinic_app.domain.practice.findings import finding_title, is_question
from clinic_app.domain.practice.imaging import imaging_choice

COMPLETENESS_POINTS = 40
IMPRESSION_POINTS = 20
URGENCY_POINTS = IMAGING_POINTS = LOADING_POINTS = 10
EFFICIENCY_POINTS = 10
POINTS_PER_WASTED_TEST = 2


class MustDoResult(BaseModel):
    title: str
    done: bool
    not_asked: list[str]
    why: str


class Completeness(BaseModel):
    score: float
    max: int
    items: list[MustDoResult]


class AspectResult(BaseModel):
    aspect: str
    expected: str
    given: str
    points: int
    max: int

    @property
    def correct(self) -> bool:
        return self.points == self.max


class DecidingRule(BaseModel):
    rule_id: str
    title: str
    urgency: str
    reasoning: str
    action: str
    sources: list[str]
    evidence: str


class Reasoning(BaseModel):
    score: int
    max: int
    aspects: list[AspectResult]
    deciding_rules: list[DecidingRule]
    model_plan: str
    your_plan: str


class WastedTest(BaseModel):
    finding: str
    title: str


class Efficiency(BaseModel):
    score: int
    max: int
    wasted: list[WastedTest]
    why: str = (
        "These tests could not change the answer: no decision rule reads them and the case "
        "does not need them for the plan."
    )


class PracticeResult(BaseModel):
    case_id: str
    case_title: str
    student: str
    mode: str
    time_limit_minutes: int | None
    seconds_used: int | None
    timed_out: bool
    total: int
    max_total: int
    completeness: Completeness
    reasoning: Reasoning
    efficiency: Efficiency
    missed_items: list[str]


def grade(case: PracticeCase, attempt: Attempt) -> PracticeResult:
    """The feedback on ``attempt``; the key's reasoning comes from the decision support run
    on the case's full findings, so feedback and hints never disagree in their sources."""
    asked = set(attempt.asked)
    completeness = _completeness(case, asked)
    evaluation = evaluate(case.patient, case.assessment)
    reasoning = _reasoning(case, attempt, evaluation)
    efficiency = _efficiency(case, attempt.asked)
    total = round(completeness.score + reasoning.score + efficiency.score)
    return PracticeResult(
        case_id=case.id, case_title=case.title, student=attempt.student, mode=attempt.mode,
        time_limit_minutes=attempt.time_limit_minutes, seconds_used=attempt.seconds_used,
        timed_out=attempt.timed_out, total=total,
        max_total=COMPLETENESS_POINTS + IMPRESSION_POINTS + URGENCY_POINTS + IMAGING_POINTS
        + LOADING_POINTS + EFFICIENCY_POINTS,
        completeness=completeness, reasoning=reasoning, efficiency=efficiency,
        missed_items=[item.title for item in completeness.items if not item.done],
    )


def _completeness(case: PracticeCase, asked: set[str]) -> Completeness:
    items = []
    for must in case.must_do:
        missing = [finding_title(key) for key in must.findings if key not in asked]
        items.append(MustDoResult(title=must.title, done=not missing, not_asked=missing,
                                  why=must.why))
    done = sum(item.done for item in items)
    score = round(COMPLETENESS_POINTS * done / len(items), 1)
    return Completeness(score=score, max=COMPLETENESS_POINTS, items=items)


def _reasoning(case: PracticeCase, attempt: Attempt, evaluation: Evaluation) -> Reasoning:
    key, answer = case.key, attempt.answer
    leading = key.impressions[0]
    if answer.impressions[0] == leading:
        impression_points = IMPRESSION_POINTS
    elif leading in answer.impressions:
        impression_points = IMPRESSION_POINTS // 2
    else:
        impression_points = 0
    aspects = [
        AspectResult(aspect="Leading impression", expected=" / ".join(key.impressions),
                     given=" / ".join(answer.impressions), points=impression_points,
                     max=IMPRESSION_POINTS),
        _exact("Urgency", key.urgency.label, answer.urgency.label, URGENCY_POINTS),
        _exact("Imaging", key.imaging.label, answer.imaging.label, IMAGING_POINTS),
        _exact("Loading programme", _loading(key.loading_allowed),
               _loading(answer.loading_allowed), LOADING_POINTS),
    ]
    return Reasoning(
        score=sum(a.points for a in aspects),
        max=sum(a.max for a in aspects),
        aspects=aspects,
        deciding_rules=[_deciding(hint) for hint in deciding_hints(case, evaluation)],
        model_plan=key.plan,
        your_plan=answer.plan,
    )


def _exact(aspect: str, expected: str, given: str, points: int) -> AspectResult:
    return AspectResult(aspect=aspect, expected=expected, given=given,
                        points=points if expected == given else 0, max=points)


def _loading(allowed: bool) -> str:
    return "may start" if allowed else "withheld until reviewed"


def deciding_hints(case: PracticeCase, evaluation: Evaluation) -> list[Hint]:
    """The fired rules that decide the key: its impressions, the top urgency, the imaging."""
    conclusion = evaluation.conclusion
    chosen = []
    for hint in evaluation.fired:
        condition = rule_by_id(hint.rule_id).condition
        if (
            condition in case.key.impressions
            or (hint.urgency is conclusion.top_urgency and hint.urgency.rank > 0)
            or (hint.imaging is not None and hint.imaging == conclusion.imaging
                and imaging_choice(hint.imaging) is case.key.imaging)
        ):
            chosen.append(hint)
    return chosen


def _deciding(hint: Hint) -> DecidingRule:
    return DecidingRule(
        rule_id=hint.rule_id, title=hint.title, urgency=hint.urgency.label,
        reasoning=hint.reasoning, action=hint.action, sources=list(hint.sources),
        evidence=hint.evidence,
    )


def _efficiency(case: PracticeCase, asked: list[str]) -> Efficiency:
    needed = {key for must in case.must_do for key in must.findings} | set(case.plan_findings)
    wasted = [
        WastedTest(finding=key, title=finding_title(key))
        for key in dict.fromkeys(asked)
        if not is_question(key) and key not in needed and not read_by_rules(key)
    ]
    score = max(0, EFFICIENCY_POINTS - POINTS_PER_WASTED_TEST * len(wasted))
    return Efficiency(score=score, max=EFFICIENCY_POINTS, wasted=wasted)


@cache
def _rule_inputs() -> frozenset[str]:
    from clinic_app.domain.decision import RULES

    ignored = {"left", "right", "affected"}
    return frozenset(
        ".".join(part for part in path if part not in ignored)
        for rule in RULES for path in rule.reads
    )


def read_by_rules(key: str) -> bool:
    """Whether any decision rule reads this finding (or the group it belongs to)."""
    return any(key == read or key.startswith(read + ".") for read in _rule_inputs())
