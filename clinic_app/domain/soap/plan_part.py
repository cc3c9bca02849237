"""P: the plan summary, education, follow-up and referral."""

from __future__ import annotations

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import Evaluation
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.domain.soap.document import Block, Line

FOLLOW_UP_DEFAULT = (
    "not set; product default: review in 1-2 weeks, repeat Kujala AKPS and NPRS at 6 and "
    "12 weeks"
)
EDUCATION = (
    "In the patient's written plan: the condition and its expected course; load "
    "modification (keep fit by cycling or swimming); pain monitoring: exercise pain at most "
    "5/10, settling within 60 minutes, no "
    "worse next morning; the 10% rule; footwear and warm-up advice."
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
            f"{library.get(item.exercise_id).name} {item.dose}, {item.frequency.lower()}"
            for item in plan.exercises
        )
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
    return (
        Block("Plan summary", tuple(summary)),
        Block("Education", (Line(EDUCATION if plan.loading_programme_allowed else
                                 "Reason for referral and what to do meanwhile explained; "
                                 "\"seek care today\" advice given in writing."),)),
        Block("Follow-up and referral", (Line(follow_up, "Follow-up:"), *referral_lines)),
    )
