"""Acute injury: Ottawa and Pittsburgh knee rules, ACR acute trauma (reference.md section 6)."""

from __future__ import annotations

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import (
    ACUTE_TRAUMA_READS,
    AGE_PATH,
    INJURY_WINDOW_READS,
    Context,
    both_sides,
)
from clinic_app.domain.decision.imaging import knee_radiographs
from clinic_app.domain.decision.key_features import key
from clinic_app.domain.decision.logic import Cond, all_of, any_of, not_
from clinic_app.domain.decision.model import HintCategory, Urgency
from clinic_app.domain.decision.registry import (
    NOT_APPLICABLE,
    Outcome,
    applied_rule,
    from_cond,
    rule,
)
from clinic_app.domain.decision.rules_joint import focal_bony_tenderness
from clinic_app.domain.decision.rules_red_flags import (
    UNABLE_TO_BEAR_WEIGHT,
    WEIGHT_BEARING_PATHS,
    effusion_one_plus,
    swelled_within_2_hours,
    unable_to_bear_weight_now,
)
from clinic_app.domain.exam_screens import BONY_SITES
from clinic_app.domain.history import TraumaMechanism, WeightBearing

ACUTE = ("screens", "acute")
TRAUMA = ("history", "trauma")
LIGAMENTS = ("screens", "meniscus_ligaments")
FRACTURE_FILMS = knee_radiographs("to exclude a fracture after acute injury")
UNABLE = WeightBearing.UNABLE_4_STEPS
TENDER_SITES = ("screens", "palpation", "tender_sites")
FRACTURE_KEY_FEATURES = (
    key((*ACUTE, "patella_tender")), key((*ACUTE, "fibular_head_tender")),
    key((*ACUTE, "other_bony_tenderness")),
    key(TENDER_SITES, "on bone", lambda sites: bool(BONY_SITES & set(sites))),
    key((*ACUTE, "can_flex_to_90"), "(not able)", lambda able: able is False),
    key((*TRAUMA, "weight_bearing_immediately"), "", lambda value: value is UNABLE),
    *UNABLE_TO_BEAR_WEIGHT,
)


def cannot_flex_to_90(context: Context) -> Cond:
    answer = context.test((*ACUTE, "can_flex_to_90"), lambda able: able is False)
    if not answer.unknown:
        return answer
    return context.below((*ACUTE, "flexion_range_deg"), 90)


def isolated_patellar_tenderness(context: Context) -> Cond:
    return all_of(
        context.flag((*ACUTE, "patella_tender")),
        not_(context.flag((*ACUTE, "other_bony_tenderness"))),
        not_(context.flag((*ACUTE, "fibular_head_tender"))),
    )


@rule(
    "OTTAWA", "Ottawa knee rule positive: knee radiographs to exclude fracture",
    category=HintCategory.IMAGING, urgency=Urgency.EMERGENCY,
    sources=(src.OTTAWA, src.OTTAWA_CHILDREN), evidence="[V]",
    reads=(*INJURY_WINDOW_READS, AGE_PATH, (*ACUTE, "fibular_head_tender"),
           (*ACUTE, "patella_tender"), (*ACUTE, "other_bony_tenderness"),
           (*ACUTE, "can_flex_to_90"), (*ACUTE, "flexion_range_deg"),
           (*TRAUMA, "weight_bearing_immediately"), *WEIGHT_BEARING_PATHS),
    key_features=FRACTURE_KEY_FEATURES,
    reasoning="Applies to an acute injury within 7 days (adults; validated in children 2-16). "
    "Any one of: age 55 or more, fibular head tenderness, isolated patellar tenderness, "
    "unable to flex to 90 deg, unable to take 4 steps both immediately and now.",
    action="Knee radiographs before any loading; emergency department if they cannot be done "
    "today. Check the straight-leg raise (extensor mechanism).",
    imaging=FRACTURE_FILMS, condition="Possible knee fracture",
    referral="Emergency department (suspected fracture)",
)
def ottawa(context: Context) -> Outcome:
    trauma = context.acute_trauma()
    if trauma.false or context.age < 2:
        return NOT_APPLICABLE
    criteria = any_of(
        context.age_test(lambda age: age >= 55),
        context.flag((*ACUTE, "fibular_head_tender")),
        isolated_patellar_tenderness(context),
        cannot_flex_to_90(context),
        all_of(
            context.equals((*TRAUMA, "weight_bearing_immediately"), UNABLE),
            unable_to_bear_weight_now(context),
        ),
    )
    # With the injury itself unrecorded the rule cannot be applied at all (an age of 55 alone
    # would otherwise flag every older patient); with a recorded injury but no date, the
    # safer answer is given.
    return applied_rule(trauma, context.injury_within(7), criteria)


PITTSBURGH_EXCLUSIONS = (
    (*TRAUMA, "superficial_skin_injury_only"),
    ("history", "past", "knee_surgery"),
    ("history", "past", "knee_fracture"),
    (*TRAUMA, "reassessment_of_same_injury"),
)


@rule(
    "PITTSBURGH", "Pittsburgh knee rule positive: knee radiographs",
    category=HintCategory.IMAGING, urgency=Urgency.EMERGENCY, sources=(src.PITTSBURGH,),
    evidence="[S]",
    reads=(*INJURY_WINDOW_READS, AGE_PATH, *WEIGHT_BEARING_PATHS,
           *PITTSBURGH_EXCLUSIONS),
    key_features=FRACTURE_KEY_FEATURES,
    reasoning="Blunt trauma or a fall, with age under 12 or over 50 or inability to walk 4 "
    "weight-bearing steps. Not applicable after 6 days, for superficial skin injury only, "
    "after previous knee surgery or fracture, or at reassessment of the same injury.",
    action="Knee radiographs before any loading.",
    imaging=FRACTURE_FILMS, condition="Possible knee fracture",
    referral="Emergency department (suspected fracture)",
)
def pittsburgh(context: Context) -> Outcome:
    if context.acute_trauma().false:
        return NOT_APPLICABLE
    blunt = context.equals((*TRAUMA, "mechanism"), TraumaMechanism.DIRECT_BLOW_OR_FALL)
    excluded = any_of(*(context.flag(path) for path in PITTSBURGH_EXCLUSIONS))
    criteria = any_of(
        context.age_test(lambda age: age < 12 or age > 50),
        unable_to_bear_weight_now(context),
    )
    return applied_rule(blunt, all_of(context.injury_within(6), not_(excluded)), criteria)


def fall_or_twist(context: Context) -> Cond:
    return context.equals(
        (*TRAUMA, "mechanism"), TraumaMechanism.DIRECT_BLOW_OR_FALL, TraumaMechanism.TWIST_OR_PIVOT
    )


@rule(
    "ACR-ACUTE-RADIOGRAPH", "Fall or twist with tenderness, effusion or no weight bearing: "
    "radiographs usually appropriate",
    category=HintCategory.IMAGING, urgency=Urgency.SOON, sources=(src.ACR_ACUTE,),
    evidence="[V]",
    reads=(*ACUTE_TRAUMA_READS, (*ACUTE, "patella_tender"), (*ACUTE, "fibular_head_tender"),
           (*ACUTE, "other_bony_tenderness"), ("screens", "palpation", "focal_bony_tenderness"),
           *both_sides(("patellar",), "effusion"),
           (*ACUTE, "tense_effusion"), *WEIGHT_BEARING_PATHS, TENDER_SITES),
    reasoning="After a fall or twist, focal tenderness, an effusion or inability to bear "
    "weight make knee radiographs usually appropriate; without any of them they may be. This "
    "is the first study for internal derangement too: a negative Ottawa or Pittsburgh rule "
    "only says no radiograph is needed for fracture. Urgency: soon [D] (the fracture rules "
    "and red flags carry the emergencies).",
    action="Knee radiographs; MRI without contrast if they are negative and internal "
    "derangement is suspected.",
    imaging=knee_radiographs("acute trauma with focal tenderness, effusion or no weight "
                             "bearing (ACR acute trauma); MRI without contrast if negative and "
                             "internal derangement is suspected"),
    condition="Acute knee injury (effusion, focal tenderness or no weight bearing)",
)
def acr_acute_radiograph(context: Context) -> Outcome:
    mechanism = fall_or_twist(context)
    if mechanism.false or context.acute_trauma().false:
        return NOT_APPLICABLE
    findings = any_of(
        context.flag((*ACUTE, "patella_tender")),
        context.flag((*ACUTE, "fibular_head_tender")),
        context.flag((*ACUTE, "other_bony_tenderness")),
        focal_bony_tenderness(context),
        effusion_one_plus(context),
        context.flag((*ACUTE, "tense_effusion")),
        unable_to_bear_weight_now(context),
    )
    return from_cond(all_of(mechanism, findings))


@rule(
    "ACR-ACUTE-DERANGEMENT", "Injury with signs of internal derangement: MRI if radiographs "
    "are negative",
    category=HintCategory.IMAGING, urgency=Urgency.SOON, sources=(src.ACR_ACUTE,),
    evidence="[V]",
    reads=(*ACUTE_TRAUMA_READS, (*LIGAMENTS, "mcmurray_positive"),
           (*LIGAMENTS, "thessaly_positive"), (*LIGAMENTS, "lachman_positive"),
           (*LIGAMENTS, "varus_stress_laxity"), (*LIGAMENTS, "valgus_stress_laxity"),
           ("history", "mechanical", "catching"), (*TRAUMA, "rapid_swelling_within_2h"),
           ("history", "complaint", "swelling_onset")),
    reasoning="When internal derangement (meniscus, ligament, cartilage) is suspected after "
    "an injury and radiographs are negative, MRI without contrast is the next study.",
    action="Radiographs first; MRI without contrast if they are negative. Orthopaedic or "
    "sports medicine review.",
    imaging=knee_radiographs("first study; MRI without contrast if negative (ACR acute trauma)"),
    condition="Internal derangement after injury",
)
def acr_acute_derangement(context: Context) -> Outcome:
    trauma = context.acute_trauma()
    if trauma.false:
        return NOT_APPLICABLE
    signs = any_of(
        *(context.flag((*LIGAMENTS, name)) for name in (
            "mcmurray_positive", "thessaly_positive", "lachman_positive",
            "varus_stress_laxity", "valgus_stress_laxity",
        )),
        context.flag(("history", "mechanical", "catching")),
        swelled_within_2_hours(context),
    )
    return from_cond(all_of(trauma, signs))
