"""Imaging inside the PFP pathway and the ACR chronic knee pain variants (section 6)."""

from __future__ import annotations

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import (
    ACUTE_TRAUMA_READS,
    CHRONIC_AFTER_WEEKS,
    Context,
    both_sides,
)
from clinic_app.domain.decision.imaging import knee_mri, knee_radiographs
from clinic_app.domain.decision.logic import Cond, all_of, any_of, not_
from clinic_app.domain.decision.model import HintCategory, PfpVerdict, Trigger, Urgency
from clinic_app.domain.decision.registry import NOT_APPLICABLE, Outcome, from_cond, rule
from clinic_app.domain.decision.rules_red_flags import effusion_one_plus
from clinic_app.domain.history import KneeRadiographResult

PFP_FILMS_AGE = 50
TREATMENT_TRIAL_WEEKS = 8
RADIOGRAPHS = ("history", "past", "knee_radiographs")


def rule_fired(context: Context, rule_id: str) -> Cond:
    return Cond(context.fired(rule_id), (Trigger(("rules", rule_id), "Rule", rule_id),))


def rule_result(context: Context, rule_id: str) -> Cond:
    """Another rule's result, three-valued: "cannot evaluate" stays unknown, never negative."""
    outcome = context.outcomes.get(rule_id)
    trigger = (Trigger(("rules", rule_id), "Rule", rule_id),)
    if outcome is None or outcome.status in ("negative", "not_applicable"):
        return Cond(False, trigger)
    if outcome.status == "cannot_evaluate":
        return Cond(None, (), outcome.missing)
    return Cond(True, trigger)


def in_pfp_pathway(context: Context) -> bool:
    """PFP likely or supported, or its core criteria met and argued against only by an
    exclusion feature (such as an effusion) that is itself a reason for films."""
    if context.pfp_verdict in (PfpVerdict.LIKELY, PfpVerdict.SUPPORTED):
        return True
    return context.pfp_core_met and not context.red_flags


@rule(
    "PFP-IMAGING", "Radiographs advisable within the patellofemoral pain pathway",
    category=HintCategory.IMAGING, urgency=Urgency.SOON,
    sources=(src.DIXIT_2007, src.COVEY_HAWKS, src.GAITONDE_2019), evidence="[V]",
    reads=(*both_sides(("patellar",), "effusion"), *ACUTE_TRAUMA_READS,
           ("history", "past", "knee_surgery"), ("patient", "age"),
           ("history", "treatment", "weeks")),
    reasoning="PFP is diagnosed clinically: no imaging for diagnosis or before treatment. "
    "Radiographs (AP, lateral, skyline) with an effusion of 1+ or more, a history of knee "
    "trauma or surgery, age 50 or over without the OA criteria, or after 8-12 weeks of "
    "adequate treatment without meaningful improvement. Weeks of treatment count, not weeks "
    "of symptoms. Also applied when the PFP criteria are met but an effusion argues against "
    "PFP. Not applied when the osteoarthritis pathway (NICE) applies.",
    action="Knee radiographs (AP, lateral, skyline); MRI without contrast if negative and "
    "symptoms persist.",
    imaging=knee_radiographs("within the PFP pathway (see triggers); MRI without contrast if "
                             "negative and symptoms persist (ACR chronic knee pain variant 2)"),
    condition=None,
)
def pfp_imaging(context: Context) -> Outcome:
    if not in_pfp_pathway(context) or context.fired("OA-NICE"):
        return NOT_APPLICABLE
    # "the OA criteria" of the PFP pathway are the NICE clinical criteria (precedence step 4);
    # ACR features without them are atypical OA, which has its own films
    oa = rule_result(context, "OA-NICE")
    return from_cond(
        any_of(
            effusion_one_plus(context),
            context.acute_trauma(),
            context.flag(("history", "past", "knee_surgery")),
            all_of(context.age_test(lambda age: age >= PFP_FILMS_AGE), not_(oa)),
            all_of(
                context.at_least(("history", "treatment", "weeks"), TREATMENT_TRIAL_WEEKS),
                rule_result(context, "NON-RESPONDER"),
            ),
        )
    )


PATHWAY_CATEGORIES = (HintCategory.RED_FLAG, HintCategory.DIFFERENTIAL, HintCategory.IMAGING)


def has_pathway(context: Context) -> bool:
    from clinic_app.domain.decision.registry import rule_by_id

    if context.pfp_verdict in (PfpVerdict.LIKELY, PfpVerdict.SUPPORTED):
        return True
    return any(
        outcome.status == "fired" and rule_by_id(rule_id).category in PATHWAY_CATEGORIES
        for rule_id, outcome in context.outcomes.items()
    )


@rule(
    "ACR-CHRONIC-INITIAL", "Chronic knee pain without a specific pathway: radiographs first",
    category=HintCategory.IMAGING, urgency=Urgency.SOON,
    sources=(src.ACR_CHRONIC, src.BUNT_2018), evidence="[V]",
    reads=(("history", "complaint", "symptom_duration_weeks"),),
    reasoning="Knee pain for more than 6 weeks that no other pathway explains: knee "
    "radiographs are the usually appropriate first study (ACR chronic knee pain variant 1); "
    "MRI, ultrasound and hip films are usually not.",
    action="Knee radiographs (AP, lateral, skyline).",
    imaging=knee_radiographs("initial imaging of chronic knee pain (ACR variant 1)"),
    condition="Undifferentiated chronic knee pain",
)
def acr_chronic_initial(context: Context) -> Outcome:
    if has_pathway(context):
        return NOT_APPLICABLE
    return from_cond(
        context.test(("history", "complaint", "symptom_duration_weeks"),
                     lambda weeks: weeks > CHRONIC_AFTER_WEEKS)
    )


@rule(
    "ACR-CHRONIC-AFTER-RADIOGRAPHS", "Chronic knee pain after radiographs: next imaging step",
    category=HintCategory.IMAGING, urgency=Urgency.SOON, sources=(src.ACR_CHRONIC,),
    evidence="[V]", reads=(RADIOGRAPHS,),
    reasoning="Variant 2: radiographs negative or showing only an effusion: MRI without "
    "contrast usually appropriate (hip or lumbar radiograph may be). Variant 3: "
    "osteochondritis dissecans, loose bodies or earlier repair: MRI without contrast. "
    "Variant 4: degenerative change or chondrocalcinosis: MRI may be appropriate. Applies "
    "only when a radiograph result is recorded.",
    action="MRI without contrast as indicated by the variant.",
    imaging=knee_mri("after radiographs (ACR chronic knee pain)"), condition=None,
)
def acr_chronic_after_radiographs(context: Context) -> Outcome:
    result = context.value(RADIOGRAPHS)
    variants = {
        KneeRadiographResult.NEGATIVE_OR_EFFUSION_ONLY:
            "variant 2: MRI without contrast usually appropriate; hip or lumbar radiograph "
            "may be appropriate",
        KneeRadiographResult.OSTEOCHONDRAL_LOOSE_BODY_OR_REPAIR:
            "variant 3: MRI without contrast",
        KneeRadiographResult.DEGENERATIVE_OR_CHONDROCALCINOSIS:
            "variant 4: MRI may be appropriate",
    }
    if result not in variants:
        return NOT_APPLICABLE
    return Outcome(
        "fired", (context.trigger(RADIOGRAPHS, result),),
        imaging=knee_mri(variants[result]), note=f" Here: {variants[result]}.",
    )
