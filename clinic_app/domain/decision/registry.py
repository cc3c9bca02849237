"""The rule registry: each rule is a small pure function plus the metadata shown with it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from clinic_app.domain.decision.context import Context
from clinic_app.domain.decision.logic import Cond
from clinic_app.domain.decision.model import (
    HintCategory,
    ImagingAdvice,
    Path,
    PfpVerdict,
    Trigger,
    Urgency,
)

OutcomeStatus = Literal["fired", "negative", "cannot_evaluate", "not_applicable"]


@dataclass(frozen=True)
class Outcome:
    """What one rule concluded. Only "fired" and "cannot_evaluate" become hints."""

    status: OutcomeStatus
    triggers: tuple[Trigger, ...] = ()
    missing: tuple[Path, ...] = ()
    urgency: Urgency | None = None  # overrides the rule's default
    note: str = ""  # added to the rule's reasoning
    action: str | None = None
    imaging: ImagingAdvice | None = None
    title: str | None = None
    category: HintCategory | None = None
    verdict: PfpVerdict | None = None  # only the PFP criteria rule sets it
    referral: str | None = None  # overrides the rule's referral (e.g. same day when locked)


NEGATIVE = Outcome("negative")
NOT_APPLICABLE = Outcome("not_applicable")


def with_support(outcome: Outcome, *supporting: Cond) -> Outcome:
    """A fired outcome also shows the supporting findings that are present; they never
    decide whether the rule fires."""
    if outcome.status != "fired":
        return outcome
    extra = tuple(trigger for cond in supporting if cond.true for trigger in cond.triggers)
    return replace(outcome, triggers=outcome.triggers + extra) if extra else outcome


def from_cond(cond: Cond, **details: object) -> Outcome:
    """Fired when the condition holds, "cannot evaluate" when it is still unknown."""
    if cond.true:
        return Outcome("fired", cond.triggers, cond.missing, **details)  # type: ignore[arg-type]
    if cond.unknown:
        return Outcome("cannot_evaluate", cond.triggers, cond.missing)
    return NEGATIVE


RuleFunction = Callable[[Context], Outcome]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    version: int
    category: HintCategory
    urgency: Urgency
    sources: tuple[str, ...]
    evidence: str
    reads: tuple[Path, ...]
    reasoning: str
    action: str
    imaging: ImagingAdvice | None
    condition: str | None  # the impression it points to, if any
    referral: str | None
    function: RuleFunction = field(compare=False)

    def run(self, context: Context) -> Outcome:
        return self.function(context)


RULES: list[Rule] = []


def rule(
    rule_id: str,
    title: str,
    *,
    category: HintCategory,
    urgency: Urgency,
    sources: tuple[str, ...],
    evidence: str,
    reads: tuple[Path, ...],
    reasoning: str,
    action: str,
    imaging: ImagingAdvice | None = None,
    condition: str | None = None,
    referral: str | None = None,
    version: int = 1,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule; rules run in registration order (the precedence order)."""

    def register(function: RuleFunction) -> RuleFunction:
        if any(existing.id == rule_id for existing in RULES):
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES.append(
            Rule(
                rule_id, title, version, category, urgency, sources, evidence,
                tuple(dict.fromkeys(reads)),  # helpers' reads may repeat the rule's own
                reasoning, action, imaging, condition, referral, function,
            )
        )
        return function

    return register


def rule_by_id(rule_id: str) -> Rule:
    return next(r for r in RULES if r.id == rule_id)
