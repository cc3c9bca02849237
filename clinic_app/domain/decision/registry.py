"""The rule registry: each rule is a small pure function plus the metadata shown with it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from clinic_app.domain.decision.context import Context
from clinic_app.domain.decision.key_features import KeyFeature
from clinic_app.domain.decision.logic import Cond, all_of
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


def applicable_when(applies: Cond, fires: Cond) -> Outcome:
    """A rule asked only in a situation (after an injury, say): not applicable only when
    ``applies`` is known false, which a finding not recorded never makes it (reference.md
    section 6, safety default 1). Otherwise the rule reads the situation as one more
    condition: fired when both hold, "cannot evaluate" while either is unknown and the
    other could still hold, and not fired once one cannot hold."""
    if applies.false:
        return NOT_APPLICABLE
    both = all_of(applies, fires)
    if both.false:
        return NEGATIVE if applies.true else NOT_APPLICABLE
    return from_cond(both)


def applied_rule(required: Cond, assumed: Cond, fires: Cond) -> Outcome:
    """A decision rule with applicability conditions: ``required`` ones must be known to
    hold; ``assumed`` ones (an injury date, exclusions) are taken to hold while unrecorded,
    the safer answer. Criteria that cannot hold decide "not fired" whatever the
    applicability; "negative" is said only of a rule known to apply."""
    if required.false or assumed.false:
        return NOT_APPLICABLE
    if fires.false:
        return NEGATIVE if required.true and assumed.true else NOT_APPLICABLE
    if fires.true and required.true:
        note = "" if assumed.true else " Applicability not confirmed (see missing " \
            "findings); the safer answer is given."
        return Outcome("fired", (*required.triggers, *fires.triggers), assumed.missing,
                       note=note)
    missing = tuple(dict.fromkeys((*required.missing, *assumed.missing, *fires.missing)))
    return Outcome("cannot_evaluate", fires.triggers, missing)


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
    # findings that make the condition possible while the rule cannot be evaluated yet
    key_features: tuple[KeyFeature, ...] = ()

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
    key_features: tuple[KeyFeature, ...] = (),
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule; rules run in registration order (the precedence order)."""

    def register(function: RuleFunction) -> RuleFunction:
        if any(existing.id == rule_id for existing in RULES):
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES.append(
            Rule(
                rule_id, title, version, category, urgency, sources, evidence,
                # helpers' reads may repeat the rule's own; key features are read for it too
                tuple(dict.fromkeys((*reads, *(feature.path for feature in key_features)))),
                reasoning, action, imaging, condition, referral, function, key_features,
            )
        )
        return function

    return register


def rule_by_id(rule_id: str) -> Rule:
    return next(r for r in RULES if r.id == rule_id)
