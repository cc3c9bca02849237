"""Visits of an episode: the kind of each assessment and where an episode ends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.model_base import Choice, relabel


class VisitKind(Choice):
    INITIAL = "initial"
    FOLLOW_UP = "follow_up"
    DISCHARGE = "discharge"


relabel({
    VisitKind.INITIAL: "Initial assessment",
    VisitKind.FOLLOW_UP: "Follow-up",
    VisitKind.DISCHARGE: "Discharge",
})


@dataclass(frozen=True)
class Visit:
    assessment_id: int | None
    kind: VisitKind
    assessment: Assessment

    @property
    def on(self) -> date:
        return self.assessment.assessment_date


def current_episode(visits: Sequence[Visit]) -> tuple[Visit, ...]:
    """The visits after the last discharge that is not the newest visit, oldest first.

    ``visits`` are one patient's, oldest first. A discharge closes an episode: the next
    visit starts a new one, whose baseline is that visit. When the newest visit is the
    discharge, the episode it closed is still the current one (to report on).
    """
    start = 0
    for index, visit in enumerate(visits[:-1]):
        if visit.kind is VisitKind.DISCHARGE:
            start = index + 1
    return tuple(visits[start:])


def is_discharged(episode: Sequence[Visit]) -> bool:
    return bool(episode) and episode[-1].kind is VisitKind.DISCHARGE


def kind_for_new_visit(episode_kinds: Sequence[VisitKind]) -> VisitKind:
    """A new assessment follows up an open episode, or starts one."""
    if not episode_kinds or episode_kinds[-1] is VisitKind.DISCHARGE:
        return VisitKind.INITIAL
    return VisitKind.FOLLOW_UP
