"""Decision support: differential-diagnosis hints and imaging advice that show their reasoning.

The app offers decision support, never a diagnosis on its own authority.
"""

from clinic_app.domain.assessment import HintDecision, HintDecisionKind
from clinic_app.domain.decision.engine import RULE_SET_VERSION, evaluate, stamp_rule_set_version
from clinic_app.domain.decision.model import (
    Conclusion,
    Evaluation,
    Hint,
    HintCategory,
    ImagingAdvice,
    Impression,
    PfpVerdict,
    Trigger,
    Urgency,
)
from clinic_app.domain.decision.registry import RULES, Rule

__all__ = [
    "RULES",
    "RULE_SET_VERSION",
    "Conclusion",
    "Evaluation",
    "Hint",
    "HintCategory",
    "HintDecision",
    "HintDecisionKind",
    "ImagingAdvice",
    "Impression",
    "PfpVerdict",
    "Rule",
    "Trigger",
    "Urgency",
    "evaluate",
    "stamp_rule_set_version",
]
