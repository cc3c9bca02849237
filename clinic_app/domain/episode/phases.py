"""Plan progression: the criteria to move from one rehab phase to the next (reference.md
section 7: the pain-monitoring model and the return-to-run ladder; thresholds [D]).

A criterion that was not recorded is "not recorded", never met: the proposal then says
what to record instead of moving on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.derived import LSI_DEFICIT_BELOW_PERCENT, limb_symmetry_index
from clinic_app.domain.episode.measures import MEASURES_BY_KEY
from clinic_app.domain.exam_patellar import EffusionGrade
from clinic_app.domain.rehab.builder import choose_phase
from clinic_app.domain.rehab.plan import Phase

PROGRESS_PAIN_AT_MOST = 3  # pain-monitoring model, product default [D]
EXERCISE_PAIN_AT_MOST = 5  # pain during exercise should not exceed 5/10 (La Trobe TREK)
RUNNING_PAIN_AT_MOST = 2  # runners and discharge: <= 2/10 (La Trobe TREK; follow-up [D])
STEP_DOWN_GOOD_AT_MOST = 1  # ladder entry: step-down score <= 1 [D]

NEXT_PHASE: dict[Phase, Phase | None] = {
    Phase.SETTLE: Phase.BUILD,
    Phase.BUILD: Phase.RETURN_TO_SPORT,
    Phase.RETURN_TO_SPORT: Phase.MAINTENANCE,
    Phase.MAINTENANCE: None,
}

RUNNING_LADDER_RULES = (
    "Return-to-running ladder: start at level 1 (walk 0.1 mile, jog 0.1 mile, 10 times) after "
    "30 minutes of brisk walking without pain, 3 x 10 single-leg squats at 2/10 or less and a "
    "step-down score of 1 or less; move up one level only after a run with no extra pain or "
    "swelling the next morning; at most 4 runs a week, never on consecutive days, at most 2 "
    "levels a week (University of Delaware, PMC6693858)."
)


@dataclass(frozen=True)
class Criterion:
    text: str
    met: bool | None  # None: not recorded
    found: str

    @property
    def line(self) -> str:
        state = "met" if self.met else "not recorded" if self.met is None else "not met"
        return f"{self.text}: {state} ({self.found})"


@dataclass(frozen=True)
class PhaseProposal:
    current: Phase
    next: Phase | None
    criteria: tuple[Criterion, ...]

    @property
    def ready(self) -> bool:
        return self.next is not None and all(c.met for c in self.criteria)

    @property
    def summary(self) -> str:
        if self.next is None:
            return (f"{self.current.label}: the last phase; discharge when the goals are met "
                    "with a home programme in place.")
        if self.ready:
            return f"Move on to {self.next.label}: every criterion is met."
        unmet = [c.line for c in self.criteria if c.met is False]
        unknown = [c.text for c in self.criteria if c.met is None]
        reasons = "; ".join(unmet + ([f"record {', '.join(unknown)}"] if unknown else []))
        return f"Stay in {self.current.label}: {reasons}."


def phase_of(assessment: Assessment) -> Phase:
    """The phase the visit's plan is in: the clinician's plan, else the generated one's."""
    if assessment.rehab_plan is not None:
        return assessment.rehab_plan.phase
    return choose_phase(assessment)[0]


@dataclass(frozen=True)
class Check:
    text: str
    evaluate: Callable[[Assessment, str], Criterion]

    def __call__(self, assessment: Assessment) -> Criterion:
        return self.evaluate(assessment, self.text)


def _at_most(text: str, value: float | None, limit: float, unit: str = "/10") -> Criterion:
    if value is None:
        return Criterion(text, None, "not recorded")
    return Criterion(text, value <= limit, f"{value:g}{unit}")


def _pain(field: str, limit: int) -> Check:
    label = MEASURES_BY_KEY["nprs_usual" if field == "usual" else "nprs_worst"].label
    return Check(f"{label} at most {limit}/10",
                 lambda a, text: _at_most(text, getattr(a.outcomes.pain, field), limit))


def worst_effusion(assessment: Assessment) -> EffusionGrade | None:
    grades = [side.effusion for side in (assessment.patellar.left, assessment.patellar.right)
              if side.effusion is not None]
    order = list(EffusionGrade)
    return max(grades, key=order.index) if grades else None


def _no_effusion(assessment: Assessment, text: str) -> Criterion:
    grade = worst_effusion(assessment)
    if grade is None:
        return Criterion(text, None, "not recorded")
    return Criterion(text, not grade.at_least_one_plus, f"stroke test {grade.label}")


def _step_down(assessment: Assessment, text: str) -> Criterion:
    return _at_most(text, MEASURES_BY_KEY["step_down"].read(assessment), STEP_DOWN_GOOD_AT_MOST,
                    "")


def _symmetry(group: str, label: str) -> Check:
    def evaluate(assessment: Assessment, text: str) -> Criterion:
        index = limb_symmetry_index(getattr(assessment.strength, group), assessment.affected_side)
        if index is None:
            return Criterion(text, None, "not measured on both sides")
        return Criterion(text, not index.deficit, f"LSI {index.percent:g} %")
    return Check(f"{label} symmetry at least {LSI_DEFICIT_BELOW_PERCENT:g} %", evaluate)


NO_EFFUSION = Check("No effusion of 1+ or more", _no_effusion)
STEP_DOWN_GOOD = Check(f"Lateral step-down score at most {STEP_DOWN_GOOD_AT_MOST}", _step_down)

CHECKS: dict[Phase, tuple[Check, ...]] = {
    Phase.SETTLE: (_pain("usual", PROGRESS_PAIN_AT_MOST),
                   _pain("worst_last_week", EXERCISE_PAIN_AT_MOST), NO_EFFUSION),
    Phase.BUILD: (_pain("usual", RUNNING_PAIN_AT_MOST), STEP_DOWN_GOOD,
                  _symmetry("knee_extension", "Knee extension"),
                  _symmetry("hip_abduction", "Hip abduction")),
    Phase.RETURN_TO_SPORT: (_pain("worst_last_week", RUNNING_PAIN_AT_MOST), STEP_DOWN_GOOD,
                            _symmetry("knee_extension", "Knee extension")),
    Phase.MAINTENANCE: (),
}


def propose_next_phase(current: Phase, assessment: Assessment) -> PhaseProposal:
    """At a follow-up: does ``assessment`` meet the criteria to leave ``current``?"""
    return PhaseProposal(current, NEXT_PHASE[current],
                         tuple(check(assessment) for check in CHECKS[current]))


def what_comes_next(phase: Phase, runner: bool = False) -> str:
    """For the patient's plan: the next phase and what it takes to get there."""
    following = NEXT_PHASE[phase]
    if following is None:
        return "Keep up the strength work 1-2 times a week; no further phase."
    needs = "; ".join(check.text[0].lower() + check.text[1:] for check in CHECKS[phase])
    text = f"Next: {following.label}, when: {needs}."
    if runner and phase is Phase.BUILD:
        text += " " + RUNNING_LADDER_RULES
    return text
