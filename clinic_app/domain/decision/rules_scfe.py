"""Slipped capital femoral epiphysis: knee or thigh pain that comes from the hip."""

from __future__ import annotations

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import Context
from clinic_app.domain.decision.imaging import hip_radiographs_scfe
from clinic_app.domain.decision.key_features import key
from clinic_app.domain.decision.logic import Cond, all_of, any_of
from clinic_app.domain.decision.model import HintCategory, Urgency
from clinic_app.domain.decision.registry import NOT_APPLICABLE, Outcome, from_cond, rule
from clinic_app.domain.history import PainRegion, WeightBearing
from clinic_app.domain.model_base import Side

HIP = ("screens", "hip")
SCFE_AGES = (8, 15)
# [D] "reduced" internal rotation: at most 10 deg, or 15 deg less than the other hip.
IR_REDUCED_AT_MOST_DEG = 10
IR_ASYMMETRY_DEG = 15


def reduced_internal_rotation(context: Context) -> Cond:
    left_path, right_path = (*HIP, "internal_rotation_deg", "left"), (
        *HIP, "internal_rotation_deg", "right")
    sides = context.examined_sides((*HIP, "internal_rotation_deg"))
    values = {Side.LEFT: context.value(left_path), Side.RIGHT: context.value(right_path)}
    paths = {Side.LEFT: left_path, Side.RIGHT: right_path}
    triggers = tuple(
        context.trigger(paths[side], values[side]) for side in Side if values[side] is not None
    )
    if any(values[side] is not None and values[side] <= IR_REDUCED_AT_MOST_DEG for side in sides):
        return Cond(True, triggers)
    if values[Side.LEFT] is not None and values[Side.RIGHT] is not None:
        asymmetric = abs(values[Side.LEFT] - values[Side.RIGHT]) >= IR_ASYMMETRY_DEG
        return Cond(asymmetric, triggers)
    # Either hip not measured could still make the two differ by 15 deg.
    missing = tuple(paths[side] for side in Side if values[side] is None)
    if not missing:
        return Cond(False, triggers)
    return Cond(None, triggers, missing)


@rule(
    "SCFE", "Features of slipped capital femoral epiphysis (hip)",
    category=HintCategory.DIFFERENTIAL, urgency=Urgency.EMERGENCY,
    sources=(src.PECK_2017, src.REFERENCE_SECTION_5), evidence="[V]",
    reads=(("patient", "age"), (*HIP, "obligatory_external_rotation"),
           (*HIP, "internal_rotation_painful"), (*HIP, "internal_rotation_deg", "left"),
           (*HIP, "internal_rotation_deg", "right"), (*HIP, "internal_rotation_reduced"),
           ("history", "hip_and_back", "limp")),
    key_features=(key(("history", "hip_and_back", "limp")),
                  key(("history", "hip_and_back", "groin_pain")),
                  key(("history", "complaint", "pain_regions"), "thigh, groin or hip",
                      lambda regions: bool({PainRegion.THIGH, PainRegion.GROIN_OR_HIP}
                                           & set(regions))),
                  key(("history", "complaint", "weight_bearing"), "painful or unable",
                      lambda value: value is not WeightBearing.FULL),
                  key((*HIP, "internal_rotation_painful")),
                  key((*HIP, "internal_rotation_reduced"))),
    reasoning="Age 8-15 with obligatory external rotation on hip flexion, or reduced (in "
    "degrees or as judged) and painful hip internal rotation. With a limp, thigh or groin "
    "pain and the hip not examined: examine the hip now. About 15% present with knee or "
    "thigh pain only and a normal knee examination, so every child of this age with knee "
    "pain needs a hip exam.",
    action="Stop loading; no weight bearing on the leg. Same-day orthopaedic assessment.",
    imaging=hip_radiographs_scfe(
        "bilateral hip AP and frog-leg lateral, not knee films; cross-table lateral instead "
        "of frog-leg if the child cannot walk"
    ),
    condition="Slipped capital femoral epiphysis (referred hip pain)",
    referral="Same-day orthopaedic assessment",
)
def slipped_capital_femoral_epiphysis(context: Context) -> Outcome:
    if not SCFE_AGES[0] <= context.age <= SCFE_AGES[1]:
        return NOT_APPLICABLE
    hip_signs = any_of(
        context.flag((*HIP, "obligatory_external_rotation")),
        all_of(context.flag((*HIP, "internal_rotation_painful")),
               any_of(reduced_internal_rotation(context),
                      context.flag((*HIP, "internal_rotation_reduced")))),
    )
    outcome = from_cond(all_of(context.age_between(*SCFE_AGES), hip_signs))
    limp = context.flag(("history", "hip_and_back", "limp"))
    if outcome.status == "fired" and limp.true:
        return Outcome("fired", (*outcome.triggers, *limp.triggers), outcome.missing)
    return outcome



