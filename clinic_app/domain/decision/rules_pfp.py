"""Patellofemoral pain: the criteria verdict and the supporting features (reference.md s. 1).

The verdict follows the reference's "PFP likely" logic [D]: pain around or behind the
patella, provoked by a loaded flexed-knee activity, reproduced by squat or step-down, no
red flag and no exclusion feature. The intra-articular and instability exclusions must
have been screened before the verdict is "likely"; with one of them not yet examined it
is "supported". Referred-pain and tenderness-site screens that were not done are listed
for the clinician but do not lower the verdict.
"""

from __future__ import annotations

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import MECHANISM_PATH, Context, both_sides
from clinic_app.domain.decision.logic import Cond, all_of, any_of, at_least, not_, screened
from clinic_app.domain.decision.model import HintCategory, PfpVerdict, Trigger, Urgency
from clinic_app.domain.decision.registry import NOT_APPLICABLE, Outcome, rule
from clinic_app.domain.decision.rules_red_flags import effusion_one_plus
from clinic_app.domain.exam_patellar import Crepitus
from clinic_app.domain.history import (
    LOADED_FLEXED_KNEE_ACTIVITIES,
    PATELLOFEMORAL_REGIONS,
    AggravatingActivity,
    TraumaMechanism,
)

COMPLAINT = ("history", "complaint")
LIG = ("screens", "meniscus_ligaments")
PALP = ("screens", "palpation")
PFP_SOURCES = (src.JOSPT_2019, src.CROSSLEY_2016, src.FERBER_2015, src.PFP_LIKELY_DEFAULT)


def core_criteria(context: Context) -> dict[str, Cond]:
    return {
        "pain around or behind the patella": context.includes(
            (*COMPLAINT, "pain_regions"), PATELLOFEMORAL_REGIONS
        ),
        "a loaded flexed-knee activity provokes it": context.includes(
            (*COMPLAINT, "aggravating_activities"), LOADED_FLEXED_KNEE_ACTIVITIES
        ),
        "squat or step-down reproduces the familiar pain": any_of(
            context.flag(("functional", "squat", "familiar_patellofemoral_pain")),
            context.side_flag(("functional", "step_down"), "familiar_patellofemoral_pain"),
        ),
    }


def intra_articular_exclusions(context: Context) -> dict[str, Cond]:
    """Exclusions that must be screened before PFP is called likely."""
    return {
        "effusion 1+ or more": effusion_one_plus(context),
        "true locking or block to extension": screened(
            context.flag(("history", "mechanical", "true_locking")),
            context.flag(("screens", "acute", "block_to_extension")),
        ),
        "positive apprehension or dislocation history": screened(
            context.side_flag(("patellar",), "apprehension"),
            context.at_least(("history", "mechanical", "dislocation_count"), 1),
            context.flag(("history", "mechanical", "patella_slipping_out")),
            context.equals(("history", "trauma", "mechanism"),
                           TraumaMechanism.PATELLAR_DISLOCATION),
        ),
        "ligament laxity": screened(
            context.flag((*LIG, "lachman_positive")),
            context.flag((*LIG, "varus_stress_laxity")),
            context.flag((*LIG, "valgus_stress_laxity")),
        ),
        "joint-line tenderness with a positive meniscal test": all_of(
            screened(context.flag((*LIG, "medial_joint_line_tender")),
                     context.flag((*LIG, "lateral_joint_line_tender"))),
            screened(context.flag((*LIG, "mcmurray_positive")),
                     context.flag((*LIG, "thessaly_positive"))),
        ),
    }


def other_source_exclusions(context: Context) -> dict[str, Cond]:
    """Exclusions pointing to another source of pain; listed when not yet screened."""
    facets = screened(
        context.side_flag(("patellar",), "medial_facet_tender"),
        context.side_flag(("patellar",), "lateral_facet_tender"),
    )
    return {
        "maximal tenderness only at the inferior pole, tibial tubercle or lateral epicondyle":
            all_of(
                screened(context.flag((*PALP, "inferior_pole_tender")),
                         context.flag((*PALP, "tibial_tubercle_tender")),
                         context.flag((*PALP, "lateral_epicondyle_tender"))),
                not_(facets),
            ),
        "pain reproduced by hip range of motion": context.flag(
            ("screens", "hip", "hip_rom_reproduces_knee_pain")
        ),
        "radicular signs": screened(
            context.flag(("history", "hip_and_back", "radicular_leg_pain")),
            context.flag(("screens", "lumbar", "slr_or_slump_positive")),
        ),
    }


def pfp_verdict(context: Context) -> tuple[PfpVerdict, Outcome]:
    core = core_criteria(context)
    must_screen = intra_articular_exclusions(context)
    other = other_source_exclusions(context)
    present = [cond for cond in (*must_screen.values(), *other.values()) if cond.true]
    failed_core = [cond for cond in core.values() if cond.false]
    context.pfp_core_met = all(cond.true for cond in core.values())
    red_flags = tuple(
        Trigger(("rules", rule_id), "Red flag or emergency", title)
        for rule_id, title in context.red_flags
    )
    if present or failed_core or red_flags:
        triggers = tuple(t for cond in (*present, *failed_core) for t in cond.triggers)
        named = [name for name, cond in (*must_screen.items(), *other.items()) if cond.true]
        named += [f"not met: {name}" for name, cond in core.items() if cond.false]
        named += [f"red flag: {title}" for _, title in context.red_flags]
        return PfpVerdict.ARGUED_AGAINST, Outcome(
            "fired", (*triggers, *red_flags),
            category=HintCategory.ARGUES_AGAINST_PFP,
            title="Findings argue against patellofemoral pain",
            action="Look for the source named in the findings; the PFP pathway is not the "
            "first explanation here.",
            note=" Against: " + "; ".join(named) + ".",
        )
    missing_core = tuple(p for cond in core.values() for p in cond.missing)
    unscreened = [name for name, cond in must_screen.items() if cond.unknown]
    still_to_check = tuple(
        p for cond in (*must_screen.values(), *other.values()) for p in cond.missing
    )
    core_triggers = tuple(t for cond in core.values() for t in cond.triggers)
    if missing_core:
        return PfpVerdict.CANNOT_EVALUATE, Outcome(
            "cannot_evaluate", core_triggers, missing_core + still_to_check
        )
    if unscreened:
        return PfpVerdict.SUPPORTED, Outcome(
            "fired", core_triggers, still_to_check,
            title="Findings support patellofemoral pain; exclusions not yet assessed",
            note=" Not yet screened: " + "; ".join(unscreened) + ".",
        )
    return PfpVerdict.LIKELY, Outcome(
        "fired", core_triggers, still_to_check,
        note=" All core criteria met and the intra-articular and instability exclusions "
        "screened negative.",
    )


@rule(
    "PFP-CRITERIA", "Features of patellofemoral pain: criteria met (PFP likely)",
    category=HintCategory.SUPPORTS_PFP, urgency=Urgency.ROUTINE, sources=PFP_SOURCES,
    evidence="[D]",
    reads=(
        # core criteria
        (*COMPLAINT, "pain_regions"), (*COMPLAINT, "aggravating_activities"),
        ("functional", "squat", "familiar_patellofemoral_pain"),
        *both_sides(("functional", "step_down"), "familiar_patellofemoral_pain"),
        # intra-articular and instability exclusions
        *both_sides(("patellar",), "effusion"), ("history", "mechanical", "true_locking"),
        ("screens", "acute", "block_to_extension"), *both_sides(("patellar",), "apprehension"),
        ("history", "mechanical", "dislocation_count"),
        ("history", "mechanical", "patella_slipping_out"), MECHANISM_PATH,
        (*LIG, "lachman_positive"), (*LIG, "varus_stress_laxity"), (*LIG, "valgus_stress_laxity"),
        (*LIG, "medial_joint_line_tender"), (*LIG, "lateral_joint_line_tender"),
        (*LIG, "mcmurray_positive"), (*LIG, "thessaly_positive"),
        # other sources of pain
        (*PALP, "inferior_pole_tender"), (*PALP, "tibial_tubercle_tender"),
        (*PALP, "lateral_epicondyle_tender"), *both_sides(("patellar",), "medial_facet_tender"),
        *both_sides(("patellar",), "lateral_facet_tender"),
        ("screens", "hip", "hip_rom_reproduces_knee_pain"),
        ("history", "hip_and_back", "radicular_leg_pain"),
        ("screens", "lumbar", "slr_or_slump_positive"),
    ),
    reasoning="PFP is a clinical diagnosis: retro- or peripatellar pain, provoked by at least "
    "one loaded flexed-knee activity, reproduced by squat or step-down, with no red flag and "
    "other causes excluded (effusion, locking, instability, ligament or meniscal signs, "
    "tenderness elsewhere, hip or lumbar source).",
    action="Exercise therapy (hip- and knee-targeted), education and load management; no "
    "imaging for diagnosis.",
    imaging=None, condition="Patellofemoral pain",
)
def pfp_criteria(context: Context) -> Outcome:
    verdict, outcome = pfp_verdict(context)
    context.pfp_verdict = verdict
    return Outcome(
        outcome.status, outcome.triggers, outcome.missing, note=outcome.note,
        title=outcome.title, category=outcome.category, verdict=verdict, action=outcome.action,
    )


@rule(
    "PFP-SUPPORTING", "Supporting features of patellofemoral pain",
    category=HintCategory.SUPPORTS_PFP, urgency=Urgency.ROUTINE,
    sources=(src.CROSSLEY_2016, src.JOSPT_2019, src.COOK_2010), evidence="[V]",
    reads=(*both_sides(("patellar",), "crepitus"),
           *both_sides(("patellar",), "medial_facet_tender"),
           *both_sides(("patellar",), "lateral_facet_tender"),
           *both_sides(("patellar",), "tilt_hypomobile"), (*COMPLAINT, "aggravating_activities"),
           ("screens", "provocation", "resisted_quadriceps_painful"),
           ("functional", "squat", "pain")),
    reasoning="Not required, but they raise confidence: crepitus, facet tenderness, a "
    "hypomobile patellar tilt (LR+ 5.4), pain on or after sitting, and any 2 of resisted "
    "quadriceps pain, squat pain and facet pain (LR+ 4.0).",
    action="Record; no change to the plan.", imaging=None,
)
def pfp_supporting(context: Context) -> Outcome:
    if context.pfp_verdict is PfpVerdict.ARGUED_AGAINST:
        return NOT_APPLICABLE
    facet = any_of(
        context.side_flag(("patellar",), "medial_facet_tender"),
        context.side_flag(("patellar",), "lateral_facet_tender"),
    )
    features = any_of(
        context.side_test(("patellar",), "crepitus", lambda grade: grade is not Crepitus.NONE),
        facet,
        context.side_flag(("patellar",), "tilt_hypomobile"),
        context.includes((*COMPLAINT, "aggravating_activities"),
                         {AggravatingActivity.PROLONGED_SITTING,
                          AggravatingActivity.RISING_FROM_CHAIR}),
        at_least(2, context.flag(("screens", "provocation", "resisted_quadriceps_painful")),
                 context.flag(("functional", "squat", "pain")), facet),
    )
    if features.true:
        return Outcome("fired", features.triggers)
    if features.unknown:
        return Outcome("cannot_evaluate", (), features.missing)
    return Outcome("negative")
