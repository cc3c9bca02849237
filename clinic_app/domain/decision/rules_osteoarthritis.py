"""Knee osteoarthritis: NICE NG226 clinical diagnosis and the ACR clinical criteria."""

from __future__ import annotations

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import Context
from clinic_app.domain.decision.imaging import knee_radiographs, no_imaging
from clinic_app.domain.decision.logic import all_of, at_least, not_
from clinic_app.domain.decision.model import HintCategory, Urgency
from clinic_app.domain.decision.registry import NOT_APPLICABLE, Outcome, from_cond, rule
from clinic_app.domain.exam_patellar import Crepitus

OA_MIN_AGE = 45
STIFFNESS = ("history", "complaint", "morning_stiffness_minutes")
AGGRAVATING = ("history", "complaint", "aggravating_activities")
OA_IMAGING = no_imaging(
    "clinical diagnosis; weight-bearing radiographs only for atypical features (NICE NG226)"
)
ATYPICAL_OA_IMAGING = knee_radiographs(
    "osteoarthritis features without the NICE clinical criteria (atypical presentation): "
    "weight-bearing radiographs (NICE NG226)", weight_bearing=True,
)


@rule(
    "OA-NICE", "Meets the NICE clinical criteria for knee osteoarthritis",
    category=HintCategory.DIFFERENTIAL, urgency=Urgency.ROUTINE, sources=(src.NICE_NG226,),
    evidence="[V]", reads=(("patient", "age"), AGGRAVATING, STIFFNESS),
    reasoning="Age 45 or over, activity-related pain and no morning stiffness or stiffness of "
    "30 minutes or less: osteoarthritis can be diagnosed clinically without imaging.",
    action="Osteoarthritis pathway: education, exercise, weight management where relevant.",
    imaging=OA_IMAGING, condition="Knee osteoarthritis (tibiofemoral or patellofemoral)",
)
def nice_osteoarthritis(context: Context) -> Outcome:
    if context.age < OA_MIN_AGE:
        return NOT_APPLICABLE
    return from_cond(
        all_of(
            context.age_test(lambda age: age >= OA_MIN_AGE),
            context.test(AGGRAVATING, lambda activities: len(activities) > 0),
            context.test(STIFFNESS, lambda minutes: minutes <= 30),
        )
    )


@rule(
    "OA-ACR-CLINICAL", "Meets the ACR clinical criteria for knee osteoarthritis",
    category=HintCategory.DIFFERENTIAL, urgency=Urgency.ROUTINE, sources=(src.ACR_OA_CLINICAL,),
    evidence="[S]",
    reads=(("patient", "age"), STIFFNESS, ("patellar", "left", "crepitus"),
           ("patellar", "right", "crepitus"), ("screens", "palpation", "focal_bony_tenderness"),
           ("screens", "palpation", "bony_enlargement"), ("screens", "inflammation", "warmth")),
    reasoning="Knee pain with at least 3 of: age over 50, stiffness under 30 minutes, "
    "crepitus, bony tenderness, bony enlargement, no palpable warmth. Checked from age 45 [D]. "
    "When the NICE clinical criteria are not met (for example morning stiffness over 30 "
    "minutes) the presentation is atypical and weight-bearing radiographs are advised.",
    action="Osteoarthritis pathway.",
    imaging=OA_IMAGING, condition="Knee osteoarthritis (tibiofemoral or patellofemoral)",
)
def acr_clinical_osteoarthritis(context: Context) -> Outcome:
    if context.age < OA_MIN_AGE:
        return NOT_APPLICABLE
    outcome = from_cond(
        at_least(
            3,
            context.age_test(lambda age: age > 50),
            context.test(STIFFNESS, lambda minutes: minutes < 30),
            context.side_test(("patellar",), "crepitus", lambda grade: grade is not Crepitus.NONE),
            context.flag(("screens", "palpation", "focal_bony_tenderness")),
            context.flag(("screens", "palpation", "bony_enlargement")),
            not_(context.flag(("screens", "inflammation", "warmth"))),
        )
    )
    nice = context.outcomes.get("OA-NICE")
    if outcome.status != "fired" or nice is None or nice.status == "fired":
        return outcome
    if nice.status == "cannot_evaluate":
        return Outcome(
            "fired", outcome.triggers, outcome.missing + nice.missing,
            imaging=no_imaging("clinical diagnosis if the NICE criteria are confirmed; record "
                               "the missing findings (weight-bearing radiographs only if the "
                               "presentation is atypical)"),
        )
    return Outcome("fired", outcome.triggers, outcome.missing, imaging=ATYPICAL_OA_IMAGING,
                   urgency=Urgency.SOON,
                   title="Osteoarthritis features, NICE clinical criteria not met (atypical)",
                   note=" The NICE clinical criteria are not met: atypical presentation.")
