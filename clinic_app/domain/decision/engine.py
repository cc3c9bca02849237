"""Run every registered rule over one assessment and consolidate the result."""

from __future__ import annotations

from collections.abc import Sequence

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import (
    rules_acute_injury,
    rules_escalation,
    rules_imaging_pathways,
    rules_joint,
    rules_non_responder,
    rules_osteoarthritis,
    rules_pfp,
    rules_red_flags,
    rules_referred,
    rules_scfe,
    rules_soft_tissue,
)
from clinic_app.domain.decision.conclusion import conclude
from clinic_app.domain.decision.context import Context, finding_label
from clinic_app.domain.decision.key_features import describe
from clinic_app.domain.decision.model import (
    Evaluation,
    Hint,
    HintCategory,
    PfpVerdict,
    PossibleCondition,
    Urgency,
)
from clinic_app.domain.decision.registry import RULES, Outcome, Rule
from clinic_app.domain.patient import Patient

RULE_SET_VERSION = "2026.12-1"

# Rules run in the precedence order of reference.md section 6: later families read the
# outcomes of earlier ones (the PFP verdict needs the red flags, PFP imaging the verdict).
FAMILY_ORDER = (
    rules_red_flags, rules_acute_injury, rules_scfe, rules_joint, rules_referred,
    rules_soft_tissue, rules_osteoarthritis, rules_non_responder, rules_pfp, rules_escalation,
    rules_imaging_pathways,
)
_FAMILY_INDEX = {module.__name__: index for index, module in enumerate(FAMILY_ORDER)}
RULES.sort(key=lambda r: _FAMILY_INDEX[r.function.__module__])
# The families whose rules read the outcomes of earlier rules (``Context.outcomes``,
# ``fired``, ``red_flags``, the PFP verdict); a test checks the list against their code.
READ_EARLIER_OUTCOMES = frozenset(
    module.__name__ for module in (
        rules_osteoarthritis, rules_non_responder, rules_pfp, rules_imaging_pathways,
    )
)


def evaluate(
    patient: Patient, assessment: Assessment, earlier: Sequence[Assessment] = ()
) -> Evaluation:
    """All hints for this assessment (earlier ones oldest first) and one conclusion."""
    return evaluate_context(Context(patient, assessment, earlier))


def evaluate_context(context: Context) -> Evaluation:
    """Run every rule, in order, on a fresh context (a test passes one that notes reads)."""
    hints = [hint for rule in RULES if (hint := _run(rule, context)) is not None]
    return Evaluation(
        hints=tuple(hints),
        conclusion=conclude(hints, context),
        rule_set_version=RULE_SET_VERSION,
        pfp_verdict=context.pfp_verdict or PfpVerdict.CANNOT_EVALUATE,
    )


def run_rule(rule: Rule, context: Context) -> Outcome:
    """One rule's outcome on a fresh context, running before it only the earlier rules whose
    outcomes it may read (a fast path for tests that look at one rule at a time)."""
    if rule.function.__module__ in READ_EARLIER_OUTCOMES:
        for earlier in RULES[: RULES.index(rule)]:
            _run(earlier, context)
    return rule.run(context)


def _run(rule: Rule, context: Context) -> Hint | None:
    """Run one rule and note its outcome for the rules after it; its hint, if it gives one."""
    outcome = rule.run(context)
    possible = possible_condition(rule, outcome, context)  # read as part of the rule
    context.outcomes[rule.id] = outcome
    if outcome.status not in ("fired", "cannot_evaluate"):
        return None
    hint = make_hint(rule, outcome)
    if possible is not None:
        context.possible.append(possible)
    if hint.fired and (
        hint.category is HintCategory.RED_FLAG or hint.urgency is Urgency.EMERGENCY
    ):
        context.red_flags.append((rule.id, hint.title))
    return hint


def possible_condition(rule: Rule, outcome: Outcome, context: Context) -> PossibleCondition | None:
    """A rule that cannot be evaluated yet while one of its key features is present."""
    if outcome.status != "cannot_evaluate" or not rule.key_features:
        return None
    present = tuple(
        describe(feature) for feature in rule.key_features
        if feature.is_present(context.value(feature.path))
    )
    if not present:
        return None
    return PossibleCondition(
        rule.id, rule.condition or rule.title, rule.urgency, tuple(dict.fromkeys(present)),
        tuple(dict.fromkeys(finding_label(path) for path in outcome.missing)),
    )


def make_hint(rule: Rule, outcome: Outcome) -> Hint:
    fired = outcome.status == "fired"
    return Hint(
        rule_id=rule.id,
        title=outcome.title or rule.title,
        category=outcome.category or rule.category,
        urgency=outcome.urgency or rule.urgency,
        status="fired" if fired else "cannot_evaluate",
        triggers=outcome.triggers,
        missing=outcome.missing,
        reasoning=rule.reasoning + outcome.note,
        action=(outcome.action or rule.action) if fired else "Record the missing findings.",
        imaging=(outcome.imaging or rule.imaging) if fired else None,
        sources=rule.sources,
        evidence=rule.evidence,
        referral=(outcome.referral or rule.referral) if fired else None,
    )


def stamp_rule_set_version(assessment: Assessment) -> Assessment:
    """The assessment as saved after evaluation: it names the rule set that was applied."""
    return assessment.model_copy(update={"rule_set_version": RULE_SET_VERSION})
