"""Red flags (reference.md section 6): emergencies and urgent referrals come first."""

from __future__ import annotations

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import (
    ACUTE_TRAUMA_READS,
    INJURY_WINDOW_READS,
    Context,
    both_sides,
)
from clinic_app.domain.decision.imaging import knee_radiographs, no_imaging
from clinic_app.domain.decision.key_features import key
from clinic_app.domain.decision.logic import Cond, all_of, any_of, screened
from clinic_app.domain.decision.model import HintCategory, ImagingAdvice, Trigger, Urgency
from clinic_app.domain.decision.registry import (
    NEGATIVE,
    NOT_APPLICABLE,
    Outcome,
    applicable_when,
    from_cond,
    rule,
)
from clinic_app.domain.derived import wells_score
from clinic_app.domain.exam_patellar import EffusionGrade
from clinic_app.domain.history import Swelling, SwellingOnset, TraumaMechanism, WeightBearing

RED = HintCategory.RED_FLAG
ACUTE = ("screens", "acute")
TRAUMA = ("history", "trauma")
INFLAMMATION = ("screens", "inflammation")
SOURCES = (src.GLOUCESTERSHIRE, src.BUNT_2018)
FEVER_FROM_C = 38.0  # body temperature counted as fever [D]
WEIGHT_BEARING_PATHS = ((*TRAUMA, "weight_bearing_now"), ("history", "complaint", "weight_bearing"))
UNABLE_TO_BEAR_WEIGHT = tuple(
    key(path, "", lambda value: value is WeightBearing.UNABLE_4_STEPS)
    for path in WEIGHT_BEARING_PATHS
)
EXTENSION_DEFICIT = key((*ACUTE, "extension_deficit_deg"), "(any)", lambda deg: deg > 0)


def unable_to_bear_weight_now(context: Context) -> Cond:
    """Unable to take 4 steps now, recorded after an injury or without one (either record
    screens it)."""
    return screened(*(context.equals(path, WeightBearing.UNABLE_4_STEPS)
                      for path in WEIGHT_BEARING_PATHS))


def night_pain(context: Context) -> Cond:
    """Night pain, or night pain that wakes the patient (which implies it); "no night pain"
    rules out both, "does not wake" does not rule out night pain."""
    reported = context.flag(("history", "complaint", "night_pain"))
    wakes = context.flag(("history", "complaint", "night_pain_wakes"))
    return reported if reported.false and not wakes.true else any_of(reported, wakes)


def after_trauma(context: Context, cond: Cond) -> Outcome:
    """A sign that matters after an injury: not applicable once "no injury" is recorded."""
    return applicable_when(context.acute_trauma(), cond)


def swelled_within_2_hours(context: Context) -> Cond:
    return screened(
        context.flag((*TRAUMA, "rapid_swelling_within_2h")),
        context.equals(("history", "complaint", "swelling_onset"), SwellingOnset.WITHIN_2_HOURS),
    )


def effusion_one_plus(context: Context) -> Cond:
    return context.side_test(
        ("patellar",), "effusion", lambda grade: EffusionGrade(grade).at_least_one_plus
    )


@rule(
    "RF-SEPTIC", "Hot, swollen knee with fever or malaise: suggests septic arthritis",
    category=RED, urgency=Urgency.EMERGENCY, sources=(*SOURCES, src.REFERENCE_SECTION_5),
    evidence="[V]",
    reads=(("screens", "inflammation", "warmth"), ("screens", "inflammation", "redness"),
           *both_sides(("patellar",), "effusion"),
           (*ACUTE, "tense_effusion"), ("history", "complaint", "swelling"),
           ("history", "systemic", "fever"), ("history", "systemic", "malaise"),
           (*INFLAMMATION, "temperature_c")),
    key_features=(key((*INFLAMMATION, "warmth")), key((*INFLAMMATION, "redness")),
                  key(("history", "systemic", "fever")), key(("history", "systemic", "malaise")),
                  key((*INFLAMMATION, "temperature_c"), f"{FEVER_FROM_C:g} deg C or more",
                      lambda celsius: celsius >= FEVER_FROM_C),
                  key((*INFLAMMATION, "cannot_move_knee")),
                  key(("history", "past", "recent_joint_procedure"))),
    reasoning="A hot, swollen knee in a febrile or unwell patient must be treated as septic "
    "arthritis or osteomyelitis until proven otherwise.",
    action="Emergency department today for joint aspiration and blood tests; no exercise.",
    imaging=no_imaging("emergency assessment and joint aspiration come before any imaging"),
    condition="Septic arthritis or osteomyelitis", referral="Emergency department today",
)
def septic_arthritis(context: Context) -> Outcome:
    hot = context.flag(("screens", "inflammation", "warmth"))
    swollen = any_of(
        effusion_one_plus(context),
        context.flag((*ACUTE, "tense_effusion")),
        context.equals(("history", "complaint", "swelling"), Swelling.CONSTANT),
    )
    # One feature recorded two ways: either record settles it, either positive fires it.
    fever = screened(
        context.flag(("history", "systemic", "fever")),
        context.at_least((*INFLAMMATION, "temperature_c"), FEVER_FROM_C),
    )
    unwell = any_of(fever, context.flag(("history", "systemic", "malaise")))
    outcome = from_cond(all_of(hot, swollen, unwell))
    redness = context.flag(("screens", "inflammation", "redness"))
    if outcome.status == "fired" and redness.true:
        return Outcome("fired", outcome.triggers + redness.triggers)
    return outcome


@rule(
    "RF-EXTENSOR", "Cannot lift the straight leg or a palpable gap: consider extensor "
    "mechanism rupture",
    category=RED, urgency=Urgency.EMERGENCY, sources=(*SOURCES, src.REFERENCE_SECTION_5),
    evidence="[V]",
    reads=((*ACUTE, "straight_leg_raise_possible"), (*ACUTE, "extensor_palpable_gap"),
           *ACUTE_TRAUMA_READS, (*ACUTE, "extension_deficit_deg"), *WEIGHT_BEARING_PATHS),
    key_features=(key((*ACUTE, "extensor_palpable_gap")), EXTENSION_DEFICIT,
                  *UNABLE_TO_BEAR_WEIGHT),
    reasoning="Inability to raise the straight leg against gravity, or a palpable gap above "
    "or below the patella, suggests a quadriceps or patellar tendon rupture or a patellar "
    "fracture. Asked after an injury, or when a key feature is present.",
    action="Emergency department; immobilise in extension; no loading.",
    imaging=knee_radiographs("to look for patellar fracture or high/low patella"),
    condition="Fracture or extensor mechanism injury", referral="Emergency department today",
)
def extensor_mechanism(context: Context) -> Outcome:
    sign = any_of(
        context.test((*ACUTE, "straight_leg_raise_possible"), lambda ok: ok is False),
        context.flag((*ACUTE, "extensor_palpable_gap")),
    )
    if not sign.unknown:
        return from_cond(sign)
    suspected = any_of(
        context.test(EXTENSION_DEFICIT.path, EXTENSION_DEFICIT.present),
        unable_to_bear_weight_now(context),
    )
    trauma = context.acute_trauma()
    if trauma.false and not suspected.true:
        return NOT_APPLICABLE  # no injury and nothing pointing to the extensor mechanism
    return Outcome("cannot_evaluate", (*trauma.triggers, *suspected.triggers), sign.missing)


@rule(
    "RF-NO-WEIGHT-BEARING", "Unable to bear weight after an injury",
    category=RED, urgency=Urgency.EMERGENCY, sources=SOURCES, evidence="[V]",
    reads=(*WEIGHT_BEARING_PATHS, *ACUTE_TRAUMA_READS),
    key_features=UNABLE_TO_BEAR_WEIGHT,
    reasoning="Inability to take four steps after trauma is a red flag for fracture or major "
    "internal injury.",
    action="Emergency department assessment today.",
    condition="Fracture or extensor mechanism injury", referral="Emergency department today",
)
def unable_to_bear_weight(context: Context) -> Outcome:
    return after_trauma(context, unable_to_bear_weight_now(context))


@rule(
    "RF-NEUROVASCULAR", "Numb, cold or pale foot: neurovascular compromise",
    category=RED, urgency=Urgency.EMERGENCY, sources=SOURCES, evidence="[V]",
    reads=((*ACUTE, "neurovascular_compromise"), *ACUTE_TRAUMA_READS),
    key_features=(key((*ACUTE, "neurovascular_compromise")),),
    reasoning="Neurovascular compromise (for example after a knee dislocation) threatens the "
    "limb.",
    action="Emergency department immediately.",
    condition="Neurovascular compromise", referral="Emergency department immediately",
)
def neurovascular(context: Context) -> Outcome:
    sign = context.flag((*ACUTE, "neurovascular_compromise"))
    if sign.true:
        return Outcome("fired", sign.triggers)
    return after_trauma(context, sign)


@rule(
    "RF-TENSE-EFFUSION", "Tense effusion soon after trauma",
    category=RED, urgency=Urgency.EMERGENCY, sources=SOURCES, evidence="[V]",
    reads=((*ACUTE, "tense_effusion"), (*TRAUMA, "rapid_swelling_within_2h"),
           ("history", "complaint", "swelling_onset"), *INJURY_WINDOW_READS),
    key_features=(key((*ACUTE, "tense_effusion")),),
    reasoning="A tense effusion within hours of an injury suggests haemarthrosis from a "
    "fracture, ligament rupture or dislocation.",
    action="Emergency department today.",
    condition="Traumatic haemarthrosis", referral="Emergency department today",
)
def tense_effusion(context: Context) -> Outcome:
    early = any_of(
        swelled_within_2_hours(context), context.injury_within(0)
    )
    return after_trauma(context, all_of(context.flag((*ACUTE, "tense_effusion")), early))


@rule(
    "RF-LOCKED-KNEE", "Locked knee: cannot straighten",
    category=RED, urgency=Urgency.URGENT, sources=(*SOURCES, src.REFERENCE_SECTION_5),
    evidence="[V]",
    reads=(("history", "mechanical", "true_locking"), (*ACUTE, "block_to_extension")),
    key_features=(key(("history", "mechanical", "locking_episodes"), "(one or more)",
                      lambda episodes: episodes >= 1),
                  EXTENSION_DEFICIT, key(("history", "mechanical", "catching"))),
    reasoning="True locking or a mechanical block to extension suggests a displaced meniscal "
    "tear or loose body.",
    action="Urgent orthopaedic referral; no loading programme until reviewed.",
    imaging=knee_radiographs("before MRI, to look for a loose body"),
    condition="Locked knee (meniscal tear or loose body)", referral="Urgent orthopaedics",
)
def locked_knee(context: Context) -> Outcome:
    # Locking episodes (history) and a block found today (exam) are separate findings.
    return from_cond(
        any_of(
            context.flag(("history", "mechanical", "true_locking")),
            context.flag((*ACUTE, "block_to_extension")),
        )
    )


@rule(
    "RF-HAEMARTHROSIS", "Large haemarthrosis after injury",
    category=RED, urgency=Urgency.URGENT, sources=SOURCES, evidence="[V]",
    reads=((*ACUTE, "large_haemarthrosis"), *ACUTE_TRAUMA_READS),
    key_features=(key((*TRAUMA, "rapid_swelling_within_2h")),
                  key(("history", "complaint", "swelling_onset"), "within 2 hours",
                      lambda onset: onset is SwellingOnset.WITHIN_2_HOURS)),
    reasoning="A large haemarthrosis points to an intra-articular injury (ligament, "
    "osteochondral fracture).",
    action="Urgent orthopaedic referral.", condition="Traumatic haemarthrosis",
    referral="Urgent orthopaedics",
)
def haemarthrosis(context: Context) -> Outcome:
    return after_trauma(context, context.flag((*ACUTE, "large_haemarthrosis")))


@rule(
    "RF-LIGAMENT-RUPTURE", "Laxity after recent injury: consider ligament rupture",
    category=RED, urgency=Urgency.URGENT, sources=SOURCES, evidence="[V]",
    reads=(("screens", "meniscus_ligaments", "lachman_positive"),
           ("screens", "meniscus_ligaments", "varus_stress_laxity"),
           ("screens", "meniscus_ligaments", "valgus_stress_laxity"), *ACUTE_TRAUMA_READS),
    key_features=tuple(key(("screens", "meniscus_ligaments", name)) for name in (
        "lachman_positive", "varus_stress_laxity", "valgus_stress_laxity")),
    reasoning="Ligament laxity after an injury suggests a recent cruciate or collateral rupture.",
    action="Urgent orthopaedic referral.",
    imaging=knee_radiographs("first study; MRI without contrast follows if they are negative "
                             "(ACR acute trauma)"),
    condition="Ligament rupture", referral="Urgent orthopaedics",
)
def ligament_rupture(context: Context) -> Outcome:
    tests = ("lachman_positive", "varus_stress_laxity", "valgus_stress_laxity")
    laxity = any_of(*(context.flag(("screens", "meniscus_ligaments", name)) for name in tests))
    return after_trauma(context, laxity)


@rule(
    "RF-PATELLAR-DISLOCATION", "Traumatic patellar dislocation",
    category=RED, urgency=Urgency.URGENT, sources=(*SOURCES, src.ACR_ACUTE, src.COVEY_HAWKS),
    evidence="[V]", reads=ACUTE_TRAUMA_READS,
    key_features=(key(("history", "mechanical", "patella_slipping_out")),),
    reasoning="A traumatic patellar dislocation needs orthopaedic review; osteochondral "
    "fragments are common after a reduced dislocation.",
    action="Urgent orthopaedic referral.",
    imaging=ImagingAdvice(
        "radiograph", "knee", ("AP", "lateral", "tangential patellar (skyline/Merchant)"),
        "radiographs first, then MRI without contrast after a reduced dislocation (ACR acute "
        "trauma)",
    ),
    condition="Patellar instability or dislocation", referral="Urgent orthopaedics",
)
def traumatic_dislocation(context: Context) -> Outcome:
    if context.acute_trauma().false:
        return NOT_APPLICABLE
    return from_cond(context.equals((*TRAUMA, "mechanism"), TraumaMechanism.PATELLAR_DISLOCATION))


@rule(
    "RF-TUMOUR", "Rest or night pain with a mass or weight loss: consider bone tumour",
    category=RED, urgency=Urgency.URGENT, sources=(*SOURCES, src.REFERENCE_SECTION_5),
    evidence="[V]",
    reads=(("history", "complaint", "rest_pain"), ("history", "complaint", "night_pain"),
           ("history", "complaint", "night_pain_wakes"), ("screens", "inflammation", "mass"),
           ("history", "systemic", "unexplained_weight_loss_kg")),
    key_features=(key(("history", "complaint", "rest_pain")),
                  key(("history", "complaint", "night_pain")),
                  key(("history", "complaint", "night_pain_wakes")),
                  key(("screens", "inflammation", "mass")),
                  key(("history", "systemic", "unexplained_weight_loss_kg"), "(more than 0 kg)",
                      lambda kg: kg > 0),
                  key(("history", "systemic", "night_sweats"))),
    reasoning="Unremitting or night pain together with a mass or weight loss calls for the "
    "urgent cancer pathway.",
    action="Same-day contact with the doctor; urgent cancer pathway referral.",
    imaging=ImagingAdvice(
        "radiograph", "knee, femur and tibia", ("AP", "lateral"),
        "urgent radiographs including the whole femur and tibia",
    ),
    condition="Possible bone tumour", referral="Urgent cancer pathway (same-day contact)",
)
def bone_tumour(context: Context) -> Outcome:
    pain = any_of(
        context.flag(("history", "complaint", "rest_pain")),
        night_pain(context),
    )
    sinister = any_of(
        context.flag(("screens", "inflammation", "mass")),
        context.test(("history", "systemic", "unexplained_weight_loss_kg"), lambda kg: kg > 0),
    )
    return from_cond(all_of(pain, sinister))


WELLS_THRESHOLD = 2
WELLS_EXAM = ("calf_swelling_3cm", "pitting_oedema", "deep_vein_tenderness",
              "entire_leg_swollen", "collateral_superficial_veins")
WELLS_HISTORY = (("history", "systemic", "active_cancer"),
                 ("history", "thrombosis", "recent_immobilisation"),
                 ("history", "thrombosis", "surgery_within_12_weeks"),
                 ("history", "thrombosis", "previous_vte"))


@rule(
    "RF-DVT", "Wells score 2 or more: suspected deep vein thrombosis",
    category=RED, urgency=Urgency.EMERGENCY,
    sources=(src.NICE_QS201, src.GLOUCESTERSHIRE), evidence="[V]",
    reads=(*(("screens", "wells", name) for name in WELLS_EXAM),
           ("screens", "wells", "alternative_diagnosis_as_likely"), *WELLS_HISTORY),
    key_features=(key(("history", "thrombosis", "calf_swelling_or_tenderness")),
                  *(key(("screens", "wells", name)) for name in WELLS_EXAM),
                  *(key(path) for path in WELLS_HISTORY)),
    reasoning="A Wells score of 2 or more, whichever items make it, needs a proximal leg "
    "vein ultrasound within 4 hours (a ruptured Baker's cyst can look the same). Decided "
    "once the items not recorded could not change whether the score reaches 2.",
    action="Same-day medical assessment: proximal leg vein ultrasound within 4 hours.",
    imaging=ImagingAdvice("ultrasound", "leg veins (proximal)", (), "within 4 hours (NICE QS201)"),
    condition="Suspected deep vein thrombosis", referral="Same-day DVT pathway",
)
def deep_vein_thrombosis(context: Context) -> Outcome:
    score = wells_score(context.assessment)
    trigger = Trigger(("screens", "wells"), "Wells score (known items)", str(score.known_points))
    items = (*(("screens", "wells", name) for name in WELLS_EXAM), *WELLS_HISTORY)
    positive = tuple(context.trigger(path, True) for path in items if context.value(path))
    missing = tuple(_wells_path(name) for name in score.unassessed)
    if score.minimum_possible >= WELLS_THRESHOLD:
        return Outcome("fired", (*positive, trigger), ())
    if score.maximum_possible < WELLS_THRESHOLD:
        return NEGATIVE
    return Outcome("cannot_evaluate", (*positive, trigger), missing)


def _wells_path(name: str) -> tuple[str, ...]:
    history_items = {
        "active_cancer": ("history", "systemic", "active_cancer"),
        "recent_immobilisation": ("history", "thrombosis", "recent_immobilisation"),
        "surgery_within_12_weeks": ("history", "thrombosis", "surgery_within_12_weeks"),
        "previous_vte": ("history", "thrombosis", "previous_vte"),
    }
    return history_items.get(name, ("screens", "wells", name))
