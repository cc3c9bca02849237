"""The follow-up's conclusion: what the course of the episode means, most pressing first.

The decision rules judge one visit (with its baseline for the non-responder rule); this
reads the course: a red flag that is new since the last visit, no meaningful change after
adequate treatment (the non-responder rule's advice), a meaningful worsening, or a
meaningful improvement. It leads the progress report and the progress view.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.decision.model import Evaluation, HintCategory
from clinic_app.domain.episode.progress import EpisodeProgress

NON_RESPONDER = "NON-RESPONDER"
NON_RESPONDER_LATE = "NON-RESPONDER-12W"


@dataclass(frozen=True)
class CourseConclusion:
    lines: tuple[str, ...]  # the most pressing first
    non_responder: bool
    new_red_flags: tuple[str, ...]

    @property
    def lead(self) -> str:
        return self.lines[0]


def course_conclusion(progress: EpisodeProgress, now: Evaluation,
                      previous: Evaluation | None) -> CourseConclusion:
    """``now``: the newest visit evaluated with its episode; ``previous``: the visit before."""
    lines: list[str] = []
    before = {hint.rule_id for hint in previous.fired} if previous else set()
    new_flags = tuple(hint.title for hint in now.fired
                      if hint.category is HintCategory.RED_FLAG and hint.rule_id not in before)
    if new_flags:
        lines.append(f"New red flag since the last visit: {'; '.join(new_flags)}. "
                     f"{now.conclusion.referral or 'Refer as the hint advises.'}")
    for rule_id in (NON_RESPONDER_LATE, NON_RESPONDER):
        hint = now.hint(rule_id)
        if hint is not None and hint.fired:
            lines.append(f"Not responding to treatment: {hint.title}. {hint.action}")
            break
    non_responder = any(line.startswith("Not responding") for line in lines)
    worse = progress.worse()
    if worse:
        lines.append("Meaningfully worse since the start: " + "; ".join(
            f"{series.measure.label} {series.change_text()}" for series in worse) + ".")
    better = progress.meaningfully_better()
    if better and not non_responder:
        lines.append("Meaningful improvement: " + "; ".join(
            f"{series.measure.label} {series.change_text()}" for series in better) + ".")
    lines.append(now.conclusion.summary)
    return CourseConclusion(tuple(lines), non_responder, new_flags)
