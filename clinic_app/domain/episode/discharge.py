"""What a discharge summary states: the goals and whether they are met, the final scores
against the baseline, the home programme and when to come back (reference.md section 7:
"discharge at the goal activity with pain <= 2/10 and a home programme in place")."""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.episode.phases import RUNNING_PAIN_AT_MOST, Criterion
from clinic_app.domain.episode.progress import EpisodeProgress, Series
from clinic_app.domain.episode.verdict import Verdict
from clinic_app.domain.rehab.advice import PRODUCT_DEFAULT, SEEK_CARE_TODAY, Advice
from clinic_app.domain.rehab.plan import RehabPlan

COME_BACK_WHEN: tuple[Advice, ...] = (
    Advice("Pain above 2/10 in daily life, or during or after running, that has not settled "
           "after 2 weeks of lighter load.", PRODUCT_DEFAULT),
    Advice("The knee swells, catches, locks or gives way.", PRODUCT_DEFAULT),
    Advice("Before a big step up in training or a new sport, if you are unsure how to build "
           "up.", PRODUCT_DEFAULT),
)


@dataclass(frozen=True)
class DischargeFacts:
    goals: str | None
    criteria: tuple[Criterion, ...]
    outcomes: tuple[Series, ...]
    weeks: float
    visits: int
    come_back_when: tuple[Advice, ...]
    seek_care_today: tuple[Advice, ...]

    @property
    def goals_met(self) -> bool | None:
        states = [criterion.met for criterion in self.criteria]
        if any(state is False for state in states):
            return False
        return None if any(state is None for state in states) else True


def _pain_criterion(progress: EpisodeProgress) -> Criterion:
    text = f"Worst pain last week at most {RUNNING_PAIN_AT_MOST}/10"
    latest = progress.of("nprs_worst").latest
    if latest is None or latest.value is None or latest.on != progress.visits[-1].on:
        return Criterion(text, None, "not recorded at the final visit")
    return Criterion(text, latest.value <= RUNNING_PAIN_AT_MOST, f"{latest.value:g}/10")


def _function_criterion(progress: EpisodeProgress) -> Criterion:
    series = progress.of("akps")
    text = "Kujala AKPS meaningfully better than at the start"
    verdict = series.verdict()
    if verdict in (Verdict.NOT_RECORDED, Verdict.NOT_ENOUGH):
        return Criterion(text, None, verdict.label)
    return Criterion(text, verdict is Verdict.BETTER, series.change_text())


def _programme_criterion(plan: RehabPlan) -> Criterion:
    text = "Home programme in place"
    if not plan.loading_programme_allowed:
        return Criterion(text, False, "no loading programme: referral first")
    count = len(plan.exercises)
    return Criterion(text, count > 0, f"{count} exercises, {plan.phase.label}")


def discharge_facts(progress: EpisodeProgress, plan: RehabPlan) -> DischargeFacts:
    """``progress``: the episode up to the discharge visit; ``plan``: that visit's plan."""
    goals = next((visit.assessment.history.goals for visit in progress.visits
                  if visit.assessment.history.goals), None)
    return DischargeFacts(
        goals=goals,
        criteria=(_pain_criterion(progress), _function_criterion(progress),
                  _programme_criterion(plan)),
        outcomes=progress.recorded,
        weeks=progress.weeks_since_baseline(),
        visits=len(progress.visits),
        come_back_when=COME_BACK_WHEN,
        seek_care_today=SEEK_CARE_TODAY.items,
    )
