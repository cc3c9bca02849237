"""Pain referred to the knee from an adult hip or the lumbar spine (reference.md section 5)."""

from __future__ import annotations

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import Context
from clinic_app.domain.decision.logic import any_of
from clinic_app.domain.decision.model import HintCategory, ImagingAdvice, Urgency
from clinic_app.domain.decision.registry import NOT_APPLICABLE, Outcome, from_cond, rule
from clinic_app.domain.decision.rules_scfe import SCFE_AGES

HIP = ("screens", "hip")
LUMBAR = ("screens", "lumbar")


@rule(
    "REFERRED-HIP", "Hip signs: consider pain referred from the hip (osteoarthritis, FAI)",
    category=HintCategory.DIFFERENTIAL, urgency=Urgency.SOON,
    sources=(src.ACR_CHRONIC, src.REFERENCE_SECTION_5), evidence="[V]",
    reads=(("patient", "age"), (*HIP, "fadir_positive"), (*HIP, "internal_rotation_painful"),
           (*HIP, "hip_rom_reproduces_knee_pain"), ("history", "hip_and_back", "groin_pain")),
    reasoning="Painful internal rotation, a positive FADIR or knee pain reproduced by hip "
    "movement (groin pain supports it) suggest the hip is the source.",
    action="Examine and treat the hip; hip radiograph may be appropriate.",
    imaging=ImagingAdvice("radiograph", "hip", ("AP pelvis", "lateral hip"),
                          "may be appropriate (ACR chronic knee pain variant 2)"),
    condition="Pain referred from the hip", referral=None,
)
def referred_hip(context: Context) -> Outcome:
    if context.age <= SCFE_AGES[1]:
        return NOT_APPLICABLE  # children: the SCFE rule covers the hip
    signs = any_of(
        context.flag((*HIP, "fadir_positive")),
        context.flag((*HIP, "internal_rotation_painful")),
        context.flag((*HIP, "hip_rom_reproduces_knee_pain")),
    )
    outcome = from_cond(signs)
    groin = context.flag(("history", "hip_and_back", "groin_pain"))
    if outcome.status == "fired" and groin.true:
        return Outcome("fired", outcome.triggers + groin.triggers)
    return outcome


@rule(
    "REFERRED-LUMBAR", "Lumbar signs: consider pain referred from the lumbar spine",
    category=HintCategory.DIFFERENTIAL, urgency=Urgency.SOON,
    sources=(src.ACR_CHRONIC, src.REFERENCE_SECTION_5), evidence="[V]",
    reads=(("history", "hip_and_back", "radicular_leg_pain"), (*LUMBAR, "slr_or_slump_positive"),
           (*LUMBAR, "neurological_deficit"), (*LUMBAR, "lumbar_screen_positive"),
           (*LUMBAR, "deficit_progressive")),
    reasoning="Radicular pain, a positive straight-leg raise or slump, a neurological deficit "
    "or a lumbar screen reproducing the symptoms point to the lumbar spine; a progressive "
    "deficit is urgent.",
    action="Lumbar assessment; lumbar radiograph may be appropriate.",
    imaging=ImagingAdvice("radiograph", "lumbar spine", ("AP", "lateral"),
                          "may be appropriate (ACR chronic knee pain variant 2)"),
    condition="Pain referred from the lumbar spine", referral=None,
)
def referred_lumbar(context: Context) -> Outcome:
    signs = any_of(
        context.flag(("history", "hip_and_back", "radicular_leg_pain")),
        context.flag((*LUMBAR, "slr_or_slump_positive")),
        context.flag((*LUMBAR, "neurological_deficit")),
        context.flag((*LUMBAR, "lumbar_screen_positive")),
    )
    outcome = from_cond(signs)
    progressive = context.flag((*LUMBAR, "deficit_progressive"))
    if outcome.status == "fired" and progressive.true:
        return Outcome("fired", outcome.triggers + progressive.triggers, urgency=Urgency.URGENT,
                       note=" Progressive deficit: urgent.")
    return outcome
