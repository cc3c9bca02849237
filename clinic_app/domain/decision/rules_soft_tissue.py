"""Extra-articular and growth-related differentials of anterior knee pain (section 5)."""

from __future__ import annotations

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import Context
from clinic_app.domain.decision.imaging import no_imaging
from clinic_app.domain.decision.logic import all_of, any_of
from clinic_app.domain.decision.model import HintCategory, ImagingAdvice, Urgency
from clinic_app.domain.decision.registry import (
    NOT_APPLICABLE,
    Outcome,
    from_cond,
    rule,
    with_support,
)
from clinic_app.domain.history import AggravatingActivity, PainRegion
from clinic_app.domain.patient import Sex

PALP = ("screens", "palpation")
PROV = ("screens", "provocation")
REGIONS = ("history", "complaint", "pain_regions")
AGGRAVATING = ("history", "complaint", "aggravating_activities")
DIFF = HintCategory.DIFFERENTIAL
# Ober thigh angle above this (less adduction) counts as tight [D]: limbs judged positive
# averaged -16.3 deg against -24.6 deg overall (Ferber 2010).
OBER_TIGHT_ABOVE_DEG = -16.3
BELOW_PATELLA = frozenset({PainRegion.INFERIOR_POLE, PainRegion.PATELLAR_TENDON})


def localised(context: Context, outcome: Outcome, regions: frozenset[PainRegion]) -> Outcome:
    """A site-specific differential the pain map already points away from.

    When the rule cannot be evaluated (its palpation or provocation test was not done) but
    the patient's pain map is recorded and names none of the rule's regions (nor diffuse
    pain), the rule is not applicable rather than waiting for that test. A positive finding
    still fires the rule whatever the pain map says.
    """
    recorded = context.value(REGIONS)
    if outcome.status != "cannot_evaluate" or recorded is None:
        return outcome
    if set(recorded) & (regions | {PainRegion.DIFFUSE}):
        return outcome
    return NOT_APPLICABLE


@rule(
    "TENDINOPATHY", "Features of patellar tendinopathy (not patellofemoral pain)",
    category=DIFF, urgency=Urgency.ROUTINE,
    sources=(src.MALLIARAS_2015, src.REFERENCE_SECTION_5), evidence="[V]",
    reads=((*PALP, "inferior_pole_tender"), (*PALP, "patellar_tendon_tender"), REGIONS,
           AGGRAVATING, (*PROV, "decline_squat_pain_at_tendon")),
    reasoning="Pain localised to the inferior pole or proximal tendon, provoked by jumping "
    "and landing or a painful single-leg decline squat at the tendon. Typical in males 15-30 "
    "in jumping sports.",
    action="Progressive tendon loading (isometric, then heavy slow, then energy-storage work).",
    imaging=no_imaging("not at first; ultrasound only if the picture is unclear [D]"),
    condition="Patellar tendinopathy",
)
def patellar_tendinopathy(context: Context) -> Outcome:
    at_site = any_of(
        context.flag((*PALP, "inferior_pole_tender")),
        context.flag((*PALP, "patellar_tendon_tender")),
        context.includes(REGIONS, {PainRegion.INFERIOR_POLE, PainRegion.PATELLAR_TENDON}),
    )
    provoked = any_of(
        context.includes(AGGRAVATING, {AggravatingActivity.JUMPING_OR_LANDING}),
        context.flag((*PROV, "decline_squat_pain_at_tendon")),
    )
    return localised(context, from_cond(all_of(at_site, provoked)), BELOW_PATELLA)


def osgood_ages(sex: Sex) -> tuple[int, int]:
    if sex is Sex.MALE:
        return 12, 15
    if sex is Sex.FEMALE:
        return 8, 12
    return 8, 15


@rule(
    "OSGOOD-SCHLATTER", "Features of Osgood-Schlatter disease",
    category=DIFF, urgency=Urgency.ROUTINE, sources=(src.HANADA_2012, src.REFERENCE_SECTION_5),
    evidence="[V]",
    reads=(("patient", "age"), ("patient", "sex"), (*PALP, "tibial_tubercle_tender"),
           (*PALP, "tibial_tubercle_prominent"), REGIONS),
    reasoning="A tender (often prominent) tibial tubercle in a boy of 12-15 or a girl of 8-12; "
    "kneeling and jumping hurt, often during a growth spurt.",
    action="Load management and education; radiograph only with marked tenderness, trouble "
    "bearing weight or atypical features.",
    imaging=no_imaging("radiograph only with marked tenderness, trouble bearing weight or "
                       "atypical features"),
    condition="Osgood-Schlatter disease",
)
def osgood_schlatter(context: Context) -> Outcome:
    low, high = osgood_ages(context.patient.sex)
    if not low <= context.age <= high:
        return NOT_APPLICABLE
    outcome = with_support(
        from_cond(all_of(context.age_between(low, high),
                         context.flag((*PALP, "tibial_tubercle_tender")))),
        context.flag((*PALP, "tibial_tubercle_prominent")),
    )
    return localised(context, outcome,
                     frozenset({PainRegion.TIBIAL_TUBERCLE, PainRegion.PATELLAR_TENDON}))


@rule(
    "SINDING-LARSEN", "Features of Sinding-Larsen-Johansson syndrome",
    category=DIFF, urgency=Urgency.ROUTINE, sources=(src.REFERENCE_SECTION_5,), evidence="[U]",
    reads=(("patient", "age"), (*PALP, "inferior_pole_tender"), REGIONS),
    reasoning="Inferior pole tenderness in a growing child of about 10-14.",
    action="Load management and education, as for Osgood-Schlatter.",
    imaging=no_imaging("radiograph only with marked tenderness, trouble bearing weight or "
                       "atypical features"),
    condition="Sinding-Larsen-Johansson syndrome",
)
def sinding_larsen_johansson(context: Context) -> Outcome:
    if not 10 <= context.age <= 14:
        return NOT_APPLICABLE
    outcome = from_cond(all_of(context.age_between(10, 14),
                               context.flag((*PALP, "inferior_pole_tender"))))
    return localised(context, outcome, BELOW_PATELLA)


@rule(
    "FAT-PAD", "Features of fat pad (Hoffa) irritation",
    category=DIFF, urgency=Urgency.ROUTINE, sources=(src.REFERENCE_SECTION_5,), evidence="[S]",
    reads=((*PROV, "hoffa_positive"), (*PROV, "pain_in_full_extension"), REGIONS),
    reasoning="A positive Hoffa test, or pain below the patella either side of the tendon "
    "that is worse in full extension or hyperextension.",
    action="Unload the fat pad (taping, avoid hyperextension); MRI only if refractory [D].",
    imaging=no_imaging("MRI only if refractory [D]"), condition="Fat pad (Hoffa) irritation",
)
def fat_pad(context: Context) -> Outcome:
    return localised(context, from_cond(
        any_of(
            context.flag((*PROV, "hoffa_positive")),
            all_of(
                context.flag((*PROV, "pain_in_full_extension")),
                context.includes(REGIONS, BELOW_PATELLA),
            ),
        )
    ), BELOW_PATELLA)


@rule(
    "MEDIAL-PLICA", "Features of medial plica syndrome",
    category=DIFF, urgency=Urgency.ROUTINE, sources=(src.REFERENCE_SECTION_5,), evidence="[S]",
    reads=((*PALP, "medial_plica_painful"), REGIONS),
    reasoning="A painful click or band over the medial femoral condyle at 45-60 deg of "
    "flexion, with medial parapatellar pain.",
    action="Conservative care; MRI only if refractory.",
    imaging=no_imaging("MRI only if refractory"), condition="Medial plica syndrome",
)
def medial_plica(context: Context) -> Outcome:
    return localised(
        context, from_cond(context.flag((*PALP, "medial_plica_painful"))),
        frozenset({PainRegion.PERIPATELLAR_MEDIAL, PainRegion.MEDIAL_JOINT_LINE}),
    )


@rule(
    "ITB-SYNDROME", "Features of iliotibial band syndrome",
    category=DIFF, urgency=Urgency.ROUTINE, sources=(src.FERBER_2010, src.REFERENCE_SECTION_5),
    evidence="[S]",
    reads=((*PALP, "lateral_epicondyle_tender"), REGIONS, (*PROV, "noble_positive"),
           ("screens", "flexibility", "modified_ober_deg", "left"),
           ("screens", "flexibility", "modified_ober_deg", "right"), AGGRAVATING),
    reasoning="Lateral pain at the lateral femoral epicondyle (2-3 cm above the joint line) "
    "with a positive Noble test, a tight modified Ober (thigh angle above -16.3 deg [D]) or "
    "downhill running as the provocation.",
    action="Load change (distance, downhill), hip strengthening, cadence retraining, ITB/TFL "
    "soft-tissue work.",
    imaging=no_imaging("not needed for iliotibial band syndrome"),
    condition="Iliotibial band syndrome",
)
def iliotibial_band(context: Context) -> Outcome:
    lateral = any_of(
        context.flag((*PALP, "lateral_epicondyle_tender")),
        context.includes(REGIONS, {PainRegion.LATERAL_FEMORAL_EPICONDYLE}),
    )
    provocation = any_of(
        context.flag((*PROV, "noble_positive")),
        context.side_test(("screens", "flexibility", "modified_ober_deg"), None,
                          lambda angle: angle > OBER_TIGHT_ABOVE_DEG),
        context.includes(AGGRAVATING, {AggravatingActivity.HILLS_OR_DOWNHILL}),
    )
    return localised(
        context, from_cond(all_of(lateral, provocation)),
        frozenset({PainRegion.LATERAL_FEMORAL_EPICONDYLE, PainRegion.LATERAL_JOINT_LINE}),
    )


@rule(
    "BIPARTITE-PATELLA", "Superolateral pole tenderness: consider a bipartite patella",
    category=DIFF, urgency=Urgency.ROUTINE, sources=(src.REFERENCE_SECTION_5,), evidence="[U]",
    reads=((*PALP, "superolateral_pole_tender"), REGIONS),
    reasoning="Tenderness at the superolateral pole of the patella; often an incidental "
    "finding.",
    action="Radiograph if it would change management.",
    imaging=ImagingAdvice("radiograph", "knee", ("AP", "tangential patellar (skyline)"),
                          "to show a bipartite patella"),
    condition="Bipartite patella",
)
def bipartite_patella(context: Context) -> Outcome:
    return localised(
        context, from_cond(context.flag((*PALP, "superolateral_pole_tender"))),
        frozenset({PainRegion.SUPERIOR_POLE, PainRegion.PERIPATELLAR_LATERAL}),
    )


