"""Who is due back: the follow-up date of each open episode's newest visit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from clinic_app.domain.model_base import Choice, relabel

DUE_WITHIN_DAYS = 7  # "due this week": today and the six days after


class DueState(Choice):
    OVERDUE = "overdue"
    DUE_THIS_WEEK = "due_this_week"


relabel({DueState.OVERDUE: "Overdue", DueState.DUE_THIS_WEEK: "Due this week"})


@dataclass(frozen=True)
class DueFollowUp:
    patient_id: int
    patient_name: str
    assessment_id: int
    follow_up_date: date
    state: DueState

    @property
    def overdue(self) -> bool:
        return self.state is DueState.OVERDUE

    def days_text(self, today: date) -> str:
        days = (self.follow_up_date - today).days
        if days == 0:
            return "today"
        return f"in {days} days" if days > 0 else f"{-days} days overdue"


def last_day_counted(today: date) -> date:
    return today + timedelta(days=DUE_WITHIN_DAYS - 1)


def due_state(follow_up: date, today: date) -> DueState | None:
    if follow_up < today:
        return DueState.OVERDUE
    if follow_up <= last_day_counted(today):
        return DueState.DUE_THIS_WEEK
    return None
