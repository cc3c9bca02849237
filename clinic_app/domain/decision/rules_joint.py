"""Differentials inside the joint or bone with their own pathway (reference.md section 5)."""

from __future__ import annotations

from dataclasses import replace

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import (
    ACUTE_TRAUMA_READS,
    AGE_PATH,
    MECHANISM_PATH,
    Context,
    both_sides,
)
from clinic_app.domain.decision.imaging import KNEE_SERIES_VIEWS, knee_radiographs
from clinic_app.domain.decision.key_features import key
from clinic_app.domain.decision.logic import Cond, all_of, any_of, not_, screened
from clinic_app.domain.decision.model import HintCategory, ImagingAdvice, Urgency
from clinic_app.domain.decision.registry import (
    Outcome,
    applied_rule,
    from_cond,
    rule,
    with_support,
)
from clinic_app.domain.decision.rules_red_flags import effusion_one_plus
from clinic_app.domain.exam_limits import LATERAL_GLIDE_HYPERMOBILE_ABOVE_QUADRANTS
from clinic_app.domain.exam_patellar import EffusionGrade
from clinic_app.domain.exam_screens import BONY_SITES
from clinic_app.domain.history import ActivityType, TraumaMechanism

MECH = ("history", "mechanical")
LIGAMENTS = ("screens", "meniscus_ligaments")
DIFF = HintCategory.DIFFERENTIAL
# [D] thresholds where the reference names a feature without a number
BEIGHTON_HYPERMOBILE = 4
LOAD_SPIKE_PERCENT = 30
OCD_AGES = (10, 19)
LOCKED_READS = ((*MECH, "true_locking"), ("screens", "acute", "block_to_extension"))


def locked(context: Context) -> Cond:
    return any_of(*(context.flag(path) for path in LOCKED_READS))


@rule(
    "INSTABILITY", "Features of patellar instability",
    category=DIFF, urgency=Urgency.URGENT,
    sources=(src.COVEY_HAWKS, src.REFERENCE_SECTION_5), evidence="[V]",
    reads=((*MECH, "patella_slipping_out"), (*MECH, "dislocation_count"), MECHANISM_PATH,
           *both_sides(("patellar",), "apprehension"), *both_sides(("patellar",), "j_sign"),
           *both_sides(("patellar",), "lateral_glide_quadrants"),
           ("screens", "provocation", "beighton_score"), *LOCKED_READS),
    reasoning="A kneecap that slipped out, a dislocation history or a positive apprehension "
    "test point to lateral patellar instability (J-sign, lateral glide over 3 quadrants and "
    "generalised hypermobility support it). Positive apprehension excludes PFP.",
    action="Orthopaedic review within a week (same day if the knee is locked).",
    imaging=ImagingAdvice(
        "radiograph", "knee", KNEE_SERIES_VIEWS,
        "radiographs for all instability; MRI without contrast for suspected osteochondral "
        "or soft-tissue injury, after a reduced dislocation or failed conservative care",
    ),
    condition="Patellar instability or dislocation", referral="Orthopaedics within 1 week",
)
def patellar_instability(context: Context) -> Outcome:
    core = any_of(
        context.flag((*MECH, "patella_slipping_out")),
        context.at_least((*MECH, "dislocation_count"), 1),
        context.equals(("history", "trauma", "mechanism"), TraumaMechanism.PATELLAR_DISLOCATION),
        context.side_flag(("patellar",), "apprehension"),
    )
    outcome = from_cond(core)
    if outcome.status != "fired":
        return outcome
    support = any_of(
        context.side_flag(("patellar",), "j_sign"),
        context.side_test(("patellar",), "lateral_glide_quadrants",
                          lambda q: q > LATERAL_GLIDE_HYPERMOBILE_ABOVE_QUADRANTS),
        context.at_least(("screens", "provocation", "beighton_score"), BEIGHTON_HYPERMOBILE),
    )
    is_locked = locked(context)
    return Outcome(
        "fired", outcome.triggers + (support.triggers if support.true else ())
        + (is_locked.triggers if is_locked.true else ()),
        urgency=Urgency.EMERGENCY if is_locked.true else None,
        referral="Same-day orthopaedic assessment (locked knee)" if is_locked.true else None,
        note=" The knee is locked: emergency." if is_locked.true else "",
    )


@rule(
    "MENISCAL", "Features of a meniscal tear",
    category=DIFF, urgency=Urgency.SOON, sources=(src.REFERENCE_SECTION_5, src.ACR_ACUTE),
    evidence="[V]",
    reads=((*LIGAMENTS, "medial_joint_line_tender"), (*LIGAMENTS, "lateral_joint_line_tender"),
           (*LIGAMENTS, "mcmurray_positive"), (*LIGAMENTS, "thessaly_positive"),
           (*MECH, "true_locking"), (*MECH, "catching")),
    reasoning="Joint-line tenderness with a positive McMurray or Thessaly test suggests a "
    "meniscal tear (twist on a planted foot, delayed swelling, catching or locking support it).",
    action="Radiographs, then MRI without contrast; urgent orthopaedic referral if locked.",
    imaging=knee_radiographs("first study; MRI without contrast to confirm the tear"),
    condition="Meniscal tear", referral="Orthopaedic or sports medicine review",
)
def meniscal_tear(context: Context) -> Outcome:
    joint_line = any_of(
        context.flag((*LIGAMENTS, "medial_joint_line_tender")),
        context.flag((*LIGAMENTS, "lateral_joint_line_tender")),
    )
    provocation = any_of(
        context.flag((*LIGAMENTS, "mcmurray_positive")),
        context.flag((*LIGAMENTS, "thessaly_positive")),
    )
    outcome = with_support(
        from_cond(all_of(joint_line, provocation)), context.flag((*MECH, "catching"))
    )
    is_locked = context.flag((*MECH, "true_locking"))
    if outcome.status == "fired" and is_locked.true:
        return Outcome("fired", outcome.triggers + is_locked.triggers, urgency=Urgency.URGENT,
                       referral="Urgent orthopaedic referral (locked knee)",
                       note=" The knee is locked: urgent orthopaedic referral.")
    return outcome


@rule(
    "OCD", "Features of osteochondritis dissecans",
    category=DIFF, urgency=Urgency.SOON, sources=(src.ACR_CHRONIC, src.REFERENCE_SECTION_5),
    evidence="[S]",
    reads=(AGE_PATH, *both_sides(("patellar",), "effusion"), (*MECH, "catching"),
           (*MECH, "true_locking"), *ACUTE_TRAUMA_READS),
    reasoning="An adolescent (10-19 [D]) with activity pain and an effusion, catching or "
    "locking may have osteochondritis dissecans; a loose body makes it urgent. Not applied "
    "after an acute injury, which explains an effusion better (the acute trauma rules apply).",
    action="Radiographs including a tunnel view, then MRI without contrast (ACR chronic knee "
    "pain variant 3).",
    imaging=ImagingAdvice(
        "radiograph", "knee", ("AP", "lateral", "tunnel (notch)", "tangential patellar"),
        "then MRI without contrast (ACR chronic knee pain variant 3)",
    ),
    condition="Osteochondritis dissecans", referral="Orthopaedics",
)
def osteochondritis_dissecans(context: Context) -> Outcome:
    if not OCD_AGES[0] <= context.age <= OCD_AGES[1]:
        return Outcome("not_applicable")
    signs = any_of(
        context.side_test(("patellar",), "effusion",
                          lambda grade: EffusionGrade(grade).at_least_one_plus),
        context.flag((*MECH, "catching")),
        context.flag((*MECH, "true_locking")),
    )
    # No injury is assumed while none is recorded (the safer answer, marked as such).
    outcome = applied_rule(context.age_between(*OCD_AGES), not_(context.acute_trauma()), signs)
    if outcome.status == "fired" and context.flag((*MECH, "true_locking")).true:
        return replace(outcome, urgency=Urgency.URGENT,
                       note=outcome.note + " Locking suggests a loose body.")
    return outcome


ACTIVITY = ("history", "activity")
COMPLAINT = ("history", "complaint")
TENDER_SITES = ("screens", "palpation", "tender_sites")
LOAD_SPIKE = key((*ACTIVITY, "load_change_4_weeks_percent"), f"({LOAD_SPIKE_PERCENT}% or more)",
                 lambda percent: percent >= LOAD_SPIKE_PERCENT)
IMPACT_ACTIVITIES = {ActivityType.RUNNING, ActivityType.JUMPING, ActivityType.DANCE,
                     ActivityType.MILITARY}


def focal_bony_tenderness(context: Context) -> Cond:
    """Recorded as a finding of its own or as a tender site on bone."""
    return screened(
        context.flag(("screens", "palpation", "focal_bony_tenderness")),
        context.includes(TENDER_SITES, BONY_SITES),
    )


@rule(
    "STRESS-FRACTURE", "Features of a stress fracture (patella or tibial plateau)",
    category=DIFF, urgency=Urgency.URGENT, sources=(src.REFERENCE_SECTION_5,), evidence="[S]",
    reads=(("screens", "palpation", "focal_bony_tenderness"), TENDER_SITES,
           (*ACTIVITY, "activity_types"), (*ACTIVITY, "load_change_4_weeks_percent"),
           (*ACTIVITY, "new_hills_stairs_or_speedwork"), (*ACTIVITY, "new_training_programme"),
           (*COMPLAINT, "rest_pain"), (*COMPLAINT, "night_pain")),
    key_features=(key(("screens", "palpation", "focal_bony_tenderness")),
                  key(TENDER_SITES, "on bone", lambda sites: bool(BONY_SITES & set(sites))),
                  key((*COMPLAINT, "rest_pain")), key((*COMPLAINT, "night_pain"))),
    reasoning="Focal bony tenderness after a load increase, in anyone: a rise of "
    f"{LOAD_SPIKE_PERCENT}% or more in 4 weeks [D], a new or increased training programme, "
    "new hills, stairs or speedwork, or repetitive impact (running, jumping, dance, military "
    "training). Rest or night pain support it. The activity type is one way the load shows, "
    "never a requirement.",
    action="Stop impact loading; radiographs, MRI if they are negative.",
    imaging=knee_radiographs("to look for a stress fracture; MRI if negative"),
    condition="Stress fracture", referral="Sports medicine or orthopaedics",
)
def stress_fracture(context: Context) -> Outcome:
    loading = any_of(
        context.test(LOAD_SPIKE.path, LOAD_SPIKE.present, cut_off=LOAD_SPIKE_PERCENT),
        context.flag((*ACTIVITY, "new_training_programme")),
        context.flag((*ACTIVITY, "new_hills_stairs_or_speedwork")),
        context.includes((*ACTIVITY, "activity_types"), IMPACT_ACTIVITIES),
    )
    return with_support(
        from_cond(all_of(focal_bony_tenderness(context), loading)),
        context.flag((*COMPLAINT, "rest_pain")),
        context.flag((*COMPLAINT, "night_pain")),
    )


@rule(
    "INFLAMMATORY", "Features of inflammatory arthritis or gout",
    category=DIFF, urgency=Urgency.SOON,
    sources=(src.REFERENCE_SECTION_5, src.ACR_INFLAMMATORY), evidence="[V]",
    reads=(("history", "complaint", "morning_stiffness_minutes"),
           ("history", "inflammatory", "other_joints_affected"),
           ("history", "inflammatory", "psoriasis"),
           ("history", "inflammatory", "inflammatory_bowel_disease"),
           ("history", "inflammatory", "eye_or_skin_symptoms"),
           ("screens", "inflammation", "warmth"), *both_sides(("patellar",), "effusion"),
           ("history", "inflammatory", "joints_involved")),
    reasoning="Morning stiffness over 30 minutes with other joints, psoriasis, inflammatory "
    "bowel disease, eye or skin symptoms, warmth or an effusion suggests an inflammatory "
    "arthritis. Radiographs of the affected joint are the initial imaging (ACR, suspected "
    "inflammatory arthritis: usually appropriate), alongside the rheumatology referral.",
    action="Refer to a physician for blood tests and rheumatology; radiographs of the "
    "affected joint(s).",
    imaging=knee_radiographs("initial imaging of suspected inflammatory arthritis (ACR "
                             "Appropriateness Criteria), with the rheumatology referral and "
                             "blood tests; ultrasound or MRI complement them"),
    condition="Inflammatory arthritis or gout", referral="Rheumatology",
)
def inflammatory_arthritis(context: Context) -> Outcome:
    stiffness = context.test(("history", "complaint", "morning_stiffness_minutes"),
                             lambda minutes: minutes > 30, cut_off=30)
    features = any_of(
        screened(context.flag(("history", "inflammatory", "other_joints_affected")),
                 context.test(("history", "inflammatory", "joints_involved"), bool)),
        *(context.flag(("history", "inflammatory", name)) for name in (
            "psoriasis", "inflammatory_bowel_disease", "eye_or_skin_symptoms",
        )),
        context.flag(("screens", "inflammation", "warmth")),
        effusion_one_plus(context),
    )
    return from_cond(all_of(stiffness, features))
