"""One consolidated conclusion, applying the precedence of reference.md section 6.

Red flags first, then acute injury rules, then a specific differential with its own
pathway, then osteoarthritis, then the PFP pathway, then undifferentiated chronic pain.
The first level with an imaging opinion sets the one imaging recommendation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from clinic_app.domain.decision.context import Context, finding_label
from clinic_app.domain.decision.imaging import no_imaging
from clinic_app.domain.decision.model import (
    Conclusion,
    Hint,
    HintCategory,
    ImagingAdvice,
    Impression,
    PfpVerdict,
    PossibleCondition,
    Urgency,
)
from clinic_app.domain.decision.registry import RULES, rule_by_id

PRECEDENCE: tuple[tuple[str, ...], ...] = (
    ("RF-SEPTIC", "RF-EXTENSOR", "RF-NO-WEIGHT-BEARING", "RF-NEUROVASCULAR",
     "RF-TENSE-EFFUSION", "RF-DVT", "RF-TUMOUR", "RF-PATELLAR-DISLOCATION", "RF-LOCKED-KNEE",
     "RF-HAEMARTHROSIS", "RF-LIGAMENT-RUPTURE"),
    ("OTTAWA", "PITTSBURGH", "ACR-ACUTE-RADIOGRAPH", "ACR-ACUTE-DERANGEMENT"),
    ("SCFE", "STRESS-FRACTURE", "INSTABILITY", "MENISCAL", "OCD", "REFERRED-HIP",
     "REFERRED-LUMBAR", "INFLAMMATORY"),
    # the age-bound apophysitis rules first: in a growing child they explain inferior pole
    # pain better than an adult tendinopathy does
    ("OSGOOD-SCHLATTER", "SINDING-LARSEN", "TENDINOPATHY", "FAT-PAD", "MEDIAL-PLICA",
     "ITB-SYNDROME", "BIPARTITE-PATELLA"),
    ("OA-NICE", "OA-ACR-CLINICAL"),
    ("NON-RESPONDER-12W", "ACR-CHRONIC-AFTER-RADIOGRAPHS", "NON-RESPONDER", "PFP-IMAGING",
     "PFP-CRITERIA"),
    ("ACR-CHRONIC-INITIAL",),
)
_TIER = {rule_id: tier for tier, ids in enumerate(PRECEDENCE) for rule_id in ids}
_ORDER = {rule_id: index for ids in PRECEDENCE for index, rule_id in enumerate(ids)}
_REGISTRY_ORDER = {r.id: index for index, r in enumerate(RULES)}


def _rank(hint: Hint) -> tuple[int, int, int]:
    """Most pressing first: urgency, then precedence level, then the order within it."""
    return (
        -hint.urgency.rank,
        _TIER.get(hint.rule_id, len(PRECEDENCE)),
        _ORDER.get(hint.rule_id, _REGISTRY_ORDER.get(hint.rule_id, 0)),
    )


def choose_imaging(fired: Sequence[Hint], context: Context) -> ImagingAdvice:
    for tier in PRECEDENCE:
        candidates = sorted(
            (h for h in fired if h.rule_id in tier and h.imaging is not None), key=_rank
        )
        if candidates:
            imaging = [h for h in candidates if not h.imaging.is_none]  # type: ignore[union-attr]
            chosen = imaging[0] if imaging else candidates[0]
            assert chosen.imaging is not None
            return chosen.imaging
    outcomes = context.outcomes
    if outcomes.get("OTTAWA") and outcomes["OTTAWA"].status == "negative":
        return no_imaging("Ottawa knee rule negative: no radiograph needed for fracture")
    if outcomes.get("PITTSBURGH") and outcomes["PITTSBURGH"].status == "negative":
        return no_imaging("Pittsburgh knee rule negative: no radiograph needed for fracture")
    undecided = [o for rule_id, o in outcomes.items()
                 if rule_id in IMAGING_DECIDERS and o.status == "cannot_evaluate"]
    reason = _no_imaging_reason(context.pfp_verdict)
    if undecided:
        missing = dict.fromkeys(finding_label(path) for o in undecided for path in o.missing)
        reason += (
            "; not decided yet: radiographs are ruled out only once these are recorded: "
            + "; ".join(missing)
        )
    return no_imaging(reason)


def _no_imaging_reason(verdict: PfpVerdict | None) -> str:
    if verdict in (PfpVerdict.LIKELY, PfpVerdict.SUPPORTED):
        return (
            "patellofemoral pain is a clinical diagnosis: no imaging for diagnosis or before a "
            "treatment trial"
        )
    if verdict is PfpVerdict.CANNOT_EVALUATE:
        return (
            "none indicated by the findings recorded so far; the patellofemoral pain criteria "
            "cannot be evaluated yet (see that hint for the missing findings)"
        )
    return "none indicated by the findings recorded so far"


# Rules whose "cannot evaluate" leaves the imaging decision open (a radiograph might follow).
IMAGING_DECIDERS = ("PFP-IMAGING", "NON-RESPONDER", "OA-NICE")


def _confidence(hint: Hint) -> str:
    if hint.category is HintCategory.RED_FLAG or hint.urgency is Urgency.EMERGENCY:
        return "suspected"
    if hint.category is HintCategory.IMAGING:
        return "decision rule positive"
    return "features present"


POSSIBLE_CONFIDENCE = "possible: findings to complete"
# An impression the findings argue against, or cannot judge yet, never leads.
NOT_LEADING = (PfpVerdict.ARGUED_AGAINST.label.lower(), PfpVerdict.CANNOT_EVALUATE.label.lower(),
               POSSIBLE_CONFIDENCE)
# Pathways that take precedence over PFP even at routine urgency (reference.md section 1:
# "age >= 45 with OA features routes to the OA pathway").
ROUTES_BEFORE_PFP = frozenset({"OA-NICE", "OA-ACR-CLINICAL"})


def _impression_rank(hint: Hint) -> tuple[int, bool, int, int]:
    """Like ``_rank``, but a specific condition leads over a generic imaging-rule finding of
    the same urgency (a meniscal tear before "internal derangement after injury")."""
    urgency, tier, order = _rank(hint)
    generic = hint.category is HintCategory.IMAGING and hint.urgency is not Urgency.EMERGENCY
    return (urgency, generic, tier, order)


def rank_impressions(fired: Sequence[Hint], verdict: PfpVerdict | None) -> tuple[Impression, ...]:
    grouped: dict[str, tuple[str, list[str]]] = {}
    ahead_of_pfp: set[str] = set()
    for hint in sorted(fired, key=_impression_rank):
        condition = rule_by_id(hint.rule_id).condition
        if hint.rule_id == "PFP-CRITERIA" or condition is None:
            continue
        if condition not in grouped:
            grouped[condition] = (_confidence(hint), [])
        grouped[condition][1].append(hint.rule_id)
        if hint.urgency is not Urgency.ROUTINE or hint.rule_id in ROUTES_BEFORE_PFP or \
                _confidence(hint) != "features present":
            ahead_of_pfp.add(condition)
    impressions = [
        Impression(condition, confidence, tuple(ids))
        for condition, (confidence, ids) in grouped.items()
    ]
    if verdict is not None:
        pfp = Impression("Patellofemoral pain", verdict.label.lower(), ("PFP-CRITERIA",))
        if verdict in (PfpVerdict.LIKELY, PfpVerdict.SUPPORTED):
            position = max(
                (index + 1 for index, i in enumerate(impressions) if i.condition in ahead_of_pfp),
                default=0,
            )
            impressions.insert(position, pfp)
        else:
            impressions.append(pfp)
    return tuple(impressions)


def _highest(urgencies: Iterable[Urgency]) -> Urgency:
    return max(urgencies, key=lambda u: u.rank, default=Urgency.ROUTINE)


def merge_possible(
    possible: Sequence[PossibleCondition], fired: Sequence[Hint]
) -> tuple[PossibleCondition, ...]:
    """One entry per possible condition, most urgent first.

    Two rules may point to the same condition (Ottawa and Pittsburgh: a knee fracture); the
    clinician sees it once, with every key feature present and every finding to complete.
    A condition a fired rule already suspects at the same urgency or higher is decided, not
    "possible" (its hint still lists the findings missing for the other rule).
    """
    decided: dict[str | None, int] = {}
    for hint in fired:
        condition = rule_by_id(hint.rule_id).condition
        decided[condition] = max(decided.get(condition, -1), hint.urgency.rank)
    merged: dict[str, PossibleCondition] = {}
    for entry in possible:
        if decided.get(entry.condition, -1) >= entry.urgency.rank:
            continue
        known = merged.get(entry.condition)
        if known is None:
            merged[entry.condition] = entry
            continue
        merged[entry.condition] = replace(
            known,
            urgency=max(known.urgency, entry.urgency, key=lambda u: u.rank),
            present=tuple(dict.fromkeys((*known.present, *entry.present))),
            to_complete=tuple(dict.fromkeys((*known.to_complete, *entry.to_complete))),
        )
    return tuple(sorted(merged.values(), key=lambda p: -p.urgency.rank))


def conclude(hints: Sequence[Hint], context: Context) -> Conclusion:
    fired = sorted((h for h in hints if h.fired), key=_rank)
    decided_top = _highest(h.urgency for h in fired)
    possible = merge_possible(context.possible, fired)
    top = _highest([decided_top, *(p.urgency for p in possible)])
    stoppers = [h for h in fired
                if h.category is HintCategory.RED_FLAG or h.urgency.rank >= Urgency.URGENT.rank]
    imaging = choose_imaging(fired, context)
    referral = next((h.referral for h in fired if h.referral), None)
    impressions = rank_impressions(fired, context.pfp_verdict)
    if possible:
        # a possible condition heads the impressions unless a decided one is more urgent
        position = 0 if top is not decided_top or not impressions else 1
        ahead = tuple(
            Impression(p.statement[0].upper() + p.statement[1:], POSSIBLE_CONFIDENCE,
                       (p.rule_id,))
            for p in possible
        )
        impressions = (*impressions[:position], *ahead, *impressions[position:])
    waiting = [h for h in hints if not h.fired]
    unscreened = tuple(
        h.title for h in waiting
        if h.category is HintCategory.RED_FLAG and h.status == "cannot_evaluate"
    )
    incomplete = None
    if top is Urgency.ROUTINE and unscreened:
        incomplete = f"red-flag screen incomplete ({len(unscreened)} not assessed)"
    conclusion = Conclusion(
        impressions, top, imaging, not stoppers and not possible, referral, "", unscreened,
        possible, top.rank > decided_top.rank, incomplete,
    )
    summary = _summary(conclusion, stoppers, waiting)
    return replace(conclusion, summary=summary)


def _summary(conclusion: Conclusion, stoppers: Sequence[Hint], waiting: Sequence[Hint]) -> str:
    impressions, imaging = conclusion.impressions, conclusion.imaging
    referral, unscreened = conclusion.referral, conclusion.red_flags_not_screened
    parts = [f"{p.statement[0].upper()}{p.statement[1:]}." for p in conclusion.possible]
    leading = [i for i in impressions if i.confidence not in NOT_LEADING]
    if leading:
        first = leading[0]
        parts.append(f"Leading impression: {first.condition} ({first.confidence}).")
    else:
        parts.append("No leading impression from the findings recorded so far.")
    against = [i.condition for i in impressions if i.confidence == "argued against"]
    if against:
        parts.append(f"Findings argue against: {', '.join(against)}.")
    parts.append(f"Urgency: {conclusion.urgency_headline.lower()}.")
    parts.append(f"Imaging: {imaging.describe()}.")
    if stoppers:
        parts.append(
            "No loading programme until reviewed: " + "; ".join(h.title for h in stoppers[:3])
            + "."
        )
    if referral:
        parts.append(f"Referral: {referral}.")
    if unscreened:
        parts.append(
            f"Red-flag screen incomplete ({len(unscreened)} not assessed): not cleared yet."
        )
    if waiting:
        parts.append(f"{len(waiting)} rule(s) cannot be evaluated yet: findings missing.")
    return " ".join(parts)
