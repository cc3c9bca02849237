"""Does a case's key agree with the decision support on the case's full findings?

The teaching must never contradict the hints a clinician sees: each part of the key is
compared with ``evaluate`` (the leading impression, urgency, imaging and loading).
"""

from __future__ import annotations

from clinic_app.domain.decision import evaluate
from clinic_app.domain.decision.conclusion import NOT_LEADING
from clinic_app.domain.practice.case import PracticeCase
from clinic_app.domain.practice.imaging import imaging_choice


def key_disagreements(case: PracticeCase) -> list[str]:
    """One line per part of the key the decision support concludes differently (none: agree)."""
    conclusion = evaluate(case.patient, case.assessment).conclusion
    key = case.key
    leading = next(
        (i.condition for i in conclusion.impressions if i.confidence not in NOT_LEADING), None
    )
    lines = []
    if leading != key.impressions[0]:
        lines.append(f"leading impression: key {key.impressions[0]!r}, decision support "
                     f"{leading!r}")
    if conclusion.top_urgency is not key.urgency:
        lines.append(f"urgency: key {key.urgency.value}, decision support "
                     f"{conclusion.top_urgency.value}")
    imaging = imaging_choice(conclusion.imaging)
    if imaging is not key.imaging:
        lines.append(f"imaging: key {key.imaging.value}, decision support {imaging.value} "
                     f"({conclusion.imaging.describe()})")
    if conclusion.loading_programme_allowed != key.loading_allowed or (
        key.loading_allowed and conclusion.red_flags_not_screened
    ):
        lines.append(f"loading: key {'allowed' if key.loading_allowed else 'withheld'}, "
                     f"decision support {conclusion.loading_advice}")
    return lines
