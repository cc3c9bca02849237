"""The source article's advice on when to see an orthopaedic specialist (section 6)."""

from __future__ import annotations

from clinic_app.domain.decision import sources as src
from clinic_app.domain.decision.context import Context
from clinic_app.domain.decision.logic import all_of, any_of
from clinic_app.domain.decision.model import HintCategory, Urgency
from clinic_app.domain.decision.registry import Outcome, from_cond, rule
from clinic_app.domain.history import Swelling

COMPLAINT = ("history", "complaint")


@rule(
    "ESCALATION-ARTICLE", "Consider orthopaedic specialist review (source article advice)",
    category=HintCategory.DIFFERENTIAL, urgency=Urgency.SOON, sources=(src.SOURCE_ARTICLE,),
    evidence="[S]",
    reads=((*COMPLAINT, "pain_persists_after_2_weeks_rest"),
           (*COMPLAINT, "unable_to_jog_without_limp"), (*COMPLAINT, "swelling"),
           ("history", "mechanical", "true_locking")),
    reasoning="Pain that lingers after two weeks of rest, being unable to jog a block without "
    "limping, or a knee that swells and locks: see an orthopaedic specialist to rule out a "
    "meniscal tear, arthritis or other joint damage.",
    action="Refer to an orthopaedic specialist.", imaging=None,
    condition=None, referral="Orthopaedic specialist",
)
def source_article_escalation(context: Context) -> Outcome:
    return from_cond(
        any_of(
            context.flag((*COMPLAINT, "pain_persists_after_2_weeks_rest")),
            context.flag((*COMPLAINT, "unable_to_jog_without_limp")),
            all_of(
                context.test((*COMPLAINT, "swelling"), lambda value: value is not Swelling.NONE),
                context.flag(("history", "mechanical", "true_locking")),
            ),
        )
    )
