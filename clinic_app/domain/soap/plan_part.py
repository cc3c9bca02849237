"""P: the plan summary, education, follow-up and referral."""

from __future__ import annotations

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import Evaluation
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.domain.soap.document import Block, Line

USUAL_FREQUENCY = "3 days a week"
FOLLOW_UP_DEFAULT = (
    "not set; product default: review in 1-2 weeks, repeat Kujala AKPS and NPRS at 6 and "
    "12 weeks"
)
EDUCATION = (
    "written plan: pain monitoring (at most 5/10, settled within 60 min, no worse next "
    "morning), load and the 10% rule, footwear, warm-up and cool-down, when to see a "
    "specialist and when to seek care today."
)


def plan_blocks(
    assessment: Assessment,
    evaluation: Evaluation,
    plan: RehabPlan,
    library: ExerciseLibrary,
) -> tuple[Block, ...]:
    summary: list[Line] = []
    if plan.loading_programme_allowed:
        summary.append(Line(f"{plan.phase.label} ({plan.phase_basis}).", "Phase:"))
        exercises = "; ".join(
            f"{library.get(item.exercise_id).name} {item.dose}"
            + ("" if item.frequency == USUAL_FREQUENCY else f", {item.frequency.lower()}")
            for item in plan.exercises
        )
        if any(item.frequency == USUAL_FREQUENCY for item in plan.exercises):
            exercises += f" ({USUAL_FREQUENCY.lower()} unless stated)"
        summary.append(Line(exercises + "." if exercises else "none.", "Home exercises:"))
        if plan.measures:
            summary.append(Line(
                "; ".join(f"{item.measure.label} ({item.reason})" for item in plan.measures) + ".",
                "Also:",
            ))
        if not plan.safety_checked:
            summary.append(Line(
                "Plan built without the decision-support red-flag screen.", "Caution:",
                abnormal=True,
            ))
        if assessment.rehab_plan is not None:
            summary.append(Line("Plan edited by the clinician before export.", "Note:"))
    else:
        summary.append(Line(
            "No loading programme: referral first. " + (plan.referral_advice or ""),
            "Plan:", abnormal=True,
        ))
    follow_up = (
        assessment.follow_up_date.isoformat() if assessment.follow_up_date else FOLLOW_UP_DEFAULT
    )
    referral_lines = []
    if assessment.referral:
        referral_lines.append(Line(assessment.referral, "Referral (clinician):"))
    if evaluation.conclusion.referral:
        referral_lines.append(Line(
            evaluation.conclusion.referral, "Referral (decision support):", abnormal=True
        ))
    if not referral_lines:
        referral_lines.append(Line("none.", "Referral:"))
    education = Line(EDUCATION if plan.loading_programme_allowed else
                     "Reason for referral and what to do meanwhile explained; "
                     "\"seek care today\" advice given in writing.", "Education:")
    return (
        Block(None, (*summary, education, Line(follow_up, "Follow-up:"), *referral_lines)),
    )
