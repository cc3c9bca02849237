"""What the patient takes home: the plan joined with the library and the advice texts.

A plain structure of texts; clinic_app.reports lays it out as a PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clinic_app.domain.episode.phases import what_comes_next
from clinic_app.domain.rehab.advice import (
    GEAR,
    GEAR_SAID_BY_MEASURE,
    MEASURE_ADVICE,
    PAIN_GUIDE,
    PREVENTION,
    RUNNING_LADDER,
    RUNNING_LADDER_SOURCE,
    SEE_A_SPECIALIST,
    SEEK_CARE_TODAY,
    SPECIALIST_WHY,
    TREATMENT,
    Advice,
    AdviceSection,
)
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import Measure, RehabPlan

WEEKS_IN_LOG = 4  # [D] tick log until the review visit, product default
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
# The patient's copy names its sources in one line; the clinician's note lists them all.
SOURCES_LINE = (
    "Based on the JOSPT 2019 guideline, the 2016 consensus on kneecap pain, La Trobe "
    "University's advice and a guide for runners. Your clinician has the full list."
)
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
    see_a_specialist: AdviceSection | None
    specialist_why: str
    # Set when the red-flag screen is incomplete: said on the plan's first page.
    safety_check_notice: str | None
    sources: tuple[str, ...]
    sources_line: str = SOURCES_LINE
    # The next phase and what it takes to get there ("" without a loading programme).
    next_step: str = ""


def build_handout(
    plan: RehabPlan, library: ExerciseLibrary, red_flags_not_screened: Sequence[str] = ()
) -> RehabHandout:
    """``red_flags_not_screened``: the evaluation's red flags still to be screened."""
    cards = tuple(
        _card(item.exercise_id, item.dose, item.frequency, library) for item in plan.exercises
    )
    measures = tuple(_measure(item.measure) for item in plan.measures)
    sections = tuple(
        section for section in (PAIN_GUIDE, TREATMENT, _gear(plan), PREVENTION) if section.items
    ) if plan.loading_programme_allowed else ()
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
        see_a_specialist=SEE_A_SPECIALIST if plan.loading_programme_allowed else None,
        specialist_why=SPECIALIST_WHY,
        safety_check_notice=safety_check_notice(len(red_flags_not_screened)),
        sources=sources,
        # The runner's ladder is printed with its own rules among the measures.
        next_step=what_comes_next(plan.phase) if plan.loading_programme_allowed else "",
    )


def _gear(plan: RehabPlan) -> AdviceSection:
    """Shoes and supports, less what the plan's own measures already say."""
    said = {GEAR_SAID_BY_MEASURE[item.measure] for item in plan.measures
            if item.measure in GEAR_SAID_BY_MEASURE}
    return AdviceSection(GEAR.title, tuple(item for item in GEAR.items if item not in said))


def safety_check_notice(open_checks: int) -> str | None:
    if not open_checks:
        return None
    checks = "check" if open_checks == 1 else "checks"
    return (
        f"Your clinician still has {open_checks} safety {checks} "
        "to do for rare but serious causes of knee pain. Until then, use the list \"Seek care "
        "today if...\" at the end of this plan."
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
    for section in (*sections, SEE_A_SPECIALIST, SEEK_CARE_TODAY):
        for advice in section.items:
            seen.setdefault(advice.source)
    return tuple(seen)
