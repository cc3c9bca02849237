"""What the patient takes home: the plan joined with the library and the advice texts.

A plain structure of texts; clinic_app.reports lays it out as a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.rehab.advice import (
    GEAR,
    MEASURE_ADVICE,
    PAIN_GUIDE,
    PREVENTION,
    RUNNING_LADDER,
    RUNNING_LADDER_SOURCE,
    SEEK_CARE_TODAY,
    TREATMENT,
    Advice,
    AdviceSection,
)
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import Measure, RehabPlan

WEEKS_IN_LOG = 4  # [D] tick log until the review visit, product default
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
NO_LOADING_ADVICE = (
    "Do not start an exercise programme for this knee until you have been seen as advised "
    "below. Keep the leg rested and follow the advice of the clinic you are sent to."
)


@dataclass(frozen=True)
class ExerciseCard:
    exercise_id: str
    name: str
    target: str
    instructions: tuple[str, ...]
    dose: str
    frequency: str
    progression: str
    regression: str
    illustration: str
    source: str


@dataclass(frozen=True)
class MeasureBlock:
    title: str
    advice: tuple[Advice, ...]
    ladder: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RehabHandout:
    phase_title: str
    loading_programme_allowed: bool
    safety_checked: bool
    referral_advice: str | None
    note_to_patient: str | None
    cards: tuple[ExerciseCard, ...]
    measures: tuple[MeasureBlock, ...]
    advice_sections: tuple[AdviceSection, ...]
    seek_care_today: AdviceSection
    sources: tuple[str, ...]


def build_handout(plan: RehabPlan, library: ExerciseLibrary) -> RehabHandout:
    cards = tuple(
        _card(item.exercise_id, item.dose, item.frequency, library) for item in plan.exercises
    )
    measures = tuple(_measure(item.measure) for item in plan.measures)
    sections = (PAIN_GUIDE, TREATMENT, GEAR, PREVENTION) if plan.loading_programme_allowed else ()
    sources = _sources(cards, measures, sections)
    return RehabHandout(
        phase_title=plan.phase.label if plan.loading_programme_allowed else "Referral first",
        loading_programme_allowed=plan.loading_programme_allowed,
        safety_checked=plan.safety_checked,
        referral_advice=(
            None if plan.loading_programme_allowed
            else f"{NO_LOADING_ADVICE}\n{plan.referral_advice or ''}".strip()
        ),
        note_to_patient=plan.note_to_patient,
        cards=cards,
        measures=measures,
        advice_sections=sections,
        seek_care_today=SEEK_CARE_TODAY,
        sources=sources,
    )


def _card(exercise_id: str, dose: str, frequency: str, library: ExerciseLibrary) -> ExerciseCard:
    exercise = library.get(exercise_id)
    return ExerciseCard(
        exercise_id=exercise.id, name=exercise.name, target=exercise.target,
        instructions=exercise.instructions, dose=dose, frequency=frequency,
        progression=exercise.progression, regression=exercise.regression,
        illustration=exercise.illustration, source=exercise.source,
    )


def _measure(measure: Measure) -> MeasureBlock:
    ladder = RUNNING_LADDER if measure is Measure.RETURN_TO_RUNNING else ()
    return MeasureBlock(measure.label, MEASURE_ADVICE[measure], ladder)


def _sources(
    cards: tuple[ExerciseCard, ...],
    measures: tuple[MeasureBlock, ...],
    sections: tuple[AdviceSection, ...],
) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for card in cards:
        seen.setdefault(card.source)
    for block in measures:
        for advice in block.advice:
            seen.setdefault(advice.source)
        if block.ladder:
            seen.setdefault(RUNNING_LADDER_SOURCE)
    for section in (*sections, SEEK_CARE_TODAY):
        for advice in section.items:
            seen.setdefault(advice.source)
    return tuple(seen)
