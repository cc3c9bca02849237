"""Non-responder: adequate treatment without meaningful change (reference.md section 6, [D])."""

from __future__ import annotations

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import Context
from clinic_app.domain.decision.imaging import knee_mri, knee_radiographs
from clinic_app.domain.decision.logic import Cond, all_of
from clinic_app.domain.decision.model import HintCategory, Path, Trigger, Urgency
from clinic_app.domain.decision.registry import NOT_APPLICABLE, Outcome, from_cond, rule
from clinic_app.domain.history import KneeRadiographResult
from clinic_app.domain.kujala import KUJALA_MCIC
from clinic_app.domain.outcomes import akps_total

TREATMENT = ("history", "treatment")
ADEQUATE_WEEKS = 6
ADHERENT_PERCENT = 80  # [D] "adherent": at least 80% of prescribed sessions
NPRS_MEANINGFUL_DROP = 2
LATE_WEEKS = 12
BASELINE = "earlier_assessments"
NOT_RESPONDING = "Not responding to treatment: re-evaluate the diagnosis"


def baseline(context: Context) -> Assessment | None:
    return context.earlier[0] if context.earlier else None


def _akps(assessment: Assessment) -> int | None:
    total = akps_total(assessment.outcomes)
    return None if total is None else total.value


def change_too_small(context: Context) -> Cond:
    """AKPS change < 10 and usual NPRS change < 2 since the first assessment."""
    first = baseline(context)
    if first is None:
        return Cond(None, (), ((BASELINE,),))
    now = context.assessment
    pieces: list[Cond] = []
    akps_now, akps_then = _akps(now), _akps(first)
    if akps_now is None or akps_then is None:
        missing: list[Path] = []
        if akps_now is None:
            missing.append(("outcomes", "kujala"))
        if akps_then is None:
            missing.append((BASELINE, "outcomes", "kujala"))
        pieces.append(Cond(None, (), tuple(missing)))
    else:
        change = akps_now - akps_then
        trigger = Trigger(("outcomes", "kujala"), "AKPS change since first assessment",
                          f"{change:+d} points ({akps_then} -> {akps_now})")
        pieces.append(Cond(change < KUJALA_MCIC, (trigger,)))
    nprs_now, nprs_then = now.outcomes.pain.usual, first.outcomes.pain.usual
    if nprs_now is None or nprs_then is None:
        missing = []
        if nprs_now is None:
            missing.append(("outcomes", "pain", "usual"))
        if nprs_then is None:
            missing.append((BASELINE, "outcomes", "pain", "usual"))
        pieces.append(Cond(None, (), tuple(missing)))
    else:
        drop = nprs_then - nprs_now
        trigger = Trigger(("outcomes", "pain", "usual"), "Usual pain (NPRS) change",
                          f"{-drop:+d} points ({nprs_then} -> {nprs_now})")
        pieces.append(Cond(drop < NPRS_MEANINGFUL_DROP, (trigger,)))
    return all_of(*pieces)


@rule(
    "NON-RESPONDER", "No meaningful improvement after adequate treatment: re-evaluate",
    category=HintCategory.IMAGING, urgency=Urgency.SOON,
    sources=(src.COVEY_HAWKS, src.CROSSLEY_2004, src.FARRAR_2001, src.NON_RESPONDER_DEFAULT),
    evidence="[D]",
    reads=((*TREATMENT, "weeks"), (*TREATMENT, "adherence_percent"), ("outcomes", "kujala"),
           ("outcomes", "kujala_entered", "total"),
           ("outcomes", "pain", "usual"), (BASELINE,)),
    reasoning=f"At least {ADEQUATE_WEEKS} weeks of treatment with adherence of "
    f"{ADHERENT_PERCENT}% or more [D], yet the AKPS changed by less than {KUJALA_MCIC} points "
    f"and usual pain by less than {NPRS_MEANINGFUL_DROP} points since the first assessment. "
    "Soon: radiographs and a referral within 2-4 weeks (reference section 6, safety default 2).",
    action="Re-evaluate the diagnosis; knee radiographs; consider orthopaedic or sports "
    "medicine referral.",
    imaging=knee_radiographs("no improvement after adequate treatment"),
    condition=NOT_RESPONDING, referral="Consider orthopaedic or sports medicine referral",
)
def non_responder(context: Context) -> Outcome:
    weeks = context.at_least((*TREATMENT, "weeks"), ADEQUATE_WEEKS)
    if weeks.false or (weeks.unknown and not context.earlier):
        return NOT_APPLICABLE  # no treatment recorded at a first visit
    adherent = context.at_least((*TREATMENT, "adherence_percent"), ADHERENT_PERCENT)
    return from_cond(all_of(weeks, adherent, change_too_small(context)))


@rule(
    "NON-RESPONDER-12W", "Still no better at 12 weeks with negative radiographs: MRI or referral",
    category=HintCategory.IMAGING, urgency=Urgency.SOON,
    sources=(src.COVEY_HAWKS, src.ACR_CHRONIC, src.NON_RESPONDER_DEFAULT), evidence="[D]",
    reads=((*TREATMENT, "weeks"), ("history", "past", "knee_radiographs")),
    reasoning="The non-responder rule holds at about 12 weeks of treatment and the knee "
    "radiographs were negative (or showed only an effusion).",
    action="MRI without contrast (ACR chronic knee pain variant 2) or orthopaedic / sports "
    "medicine referral.",
    imaging=knee_mri("persistent symptoms after negative radiographs (ACR variant 2)"),
    condition=NOT_RESPONDING, referral="Orthopaedic or sports medicine referral",
)
def non_responder_late(context: Context) -> Outcome:
    if not context.fired("NON-RESPONDER"):
        return NOT_APPLICABLE
    late = context.at_least((*TREATMENT, "weeks"), LATE_WEEKS)
    if late.false:
        return NOT_APPLICABLE
    films = context.equals(("history", "past", "knee_radiographs"),
                           KneeRadiographResult.NEGATIVE_OR_EFFUSION_ONLY)
    return from_cond(all_of(late, films))
