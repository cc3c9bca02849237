"""What a rule sees: the findings as three-valued conditions, the patient's age, and
the outcomes of the rules evaluated before it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision.logic import Cond, any_of, missing_finding
from clinic_app.domain.decision.model import Path, PfpVerdict, PossibleCondition, Trigger
from clinic_app.domain.derived import days_since_injury
from clinic_app.domain.fields import get_value, spec_index
from clinic_app.domain.history import Onset, TraumaMechanism
from clinic_app.domain.model_base import AffectedSide, Side
from clinic_app.domain.patient import Patient
from clinic_app.domain.value_text import format_value

if TYPE_CHECKING:
    from clinic_app.domain.decision.registry import Outcome

AGE_PATH: Path = ("patient", "age")
DAYS_SINCE_INJURY_PATH: Path = ("history", "trauma", "injury_date")
SYMPTOM_DURATION_PATH: Path = ("history", "complaint", "symptom_duration_weeks")
MECHANISM_PATH: Path = ("history", "trauma", "mechanism")
ONSET_PATH: Path = ("history", "complaint", "onset")
# The findings ``acute_trauma`` and ``injury_within`` read, for the ``reads`` of the rules
# that call them.
ACUTE_TRAUMA_READS: tuple[Path, ...] = (MECHANISM_PATH, ONSET_PATH)
INJURY_WINDOW_READS: tuple[Path, ...] = (
    DAYS_SINCE_INJURY_PATH, *ACUTE_TRAUMA_READS, SYMPTOM_DURATION_PATH,
)
# Knee pain for longer than this is chronic (reference.md section 6, ACR; Bunt 2018).
CHRONIC_AFTER_WEEKS = 6
# Either side of a numeric cut-off by less than any recorded precision, so completions
# try "just under", "at" and "just over" whichever comparison the rule makes.
NUMERIC_STEP = 0.001


class Context:
    def __init__(
        self, patient: Patient, assessment: Assessment, earlier: Sequence[Assessment] = ()
    ) -> None:
        self.patient = patient
        self.assessment = assessment
        self.earlier = tuple(earlier)
        self.age = patient.age_on(assessment.assessment_date)
        self.outcomes: dict[str, Outcome] = {}
        self.red_flags: list[tuple[str, str]] = []  # (rule id, title) of fired red flags
        self.possible: list[PossibleCondition] = []  # red flags with key features, unsettled
        self.pfp_verdict: PfpVerdict | None = None
        self.pfp_core_met = False  # the three core PFP criteria hold (whatever the exclusions)
        self._specs = spec_index(Assessment)

    # -- reading findings -------------------------------------------------------------

    def value(self, path: Path) -> Any:
        return get_value(self.assessment, path)

    def trigger(self, path: Path, value: Any) -> Trigger:
        return Trigger(path, self.label(path), format_value(value, self._specs.get(path)))

    def label(self, path: Path) -> str:
        spec = self._specs.get(path)
        if spec is None:
            return " ".join(path[-1].split("_")).capitalize()
        side = next((part for part in path if part in ("left", "right")), None)
        return f"{spec.title} ({side})" if side else spec.title

    def test(
        self, path: Path, predicate: Callable[[Any], bool] = bool,
        cut_off: float | None = None,
    ) -> Cond:
        """A finding as a condition: unknown when not assessed. A numeric test at a
        ``cut_off`` lets completions of the missing value try either side of it."""
        value = self.value(path)
        if value is None:
            return missing_finding(path, self._completions(path, cut_off), predicate)
        return Cond(bool(predicate(value)), (self.trigger(path, value),))

    def _completions(self, path: Path, cut_off: float | None) -> tuple[Any, ...] | None:
        """The values a missing finding could take, when few enough to try them all."""
        spec = self._specs.get(path)
        if cut_off is not None:
            return (cut_off - NUMERIC_STEP, cut_off, cut_off + NUMERIC_STEP)
        if spec is None:
            return None
        if spec.kind == "boolean":
            return (True, False)
        if spec.kind == "choice" and spec.values:
            return spec.values
        return None

    def flag(self, path: Path) -> Cond:
        return self.test(path, lambda value: value is True)

    def equals(self, path: Path, *wanted: Any) -> Cond:
        return self.test(path, lambda value: value in wanted)

    def includes(self, path: Path, members: Any) -> Cond:
        """A multi-choice finding that includes one of ``members``."""
        wanted = set(members)
        return self.test(path, lambda value: bool(wanted & set(value)))

    def at_least(self, path: Path, threshold: float) -> Cond:
        return self.test(path, lambda value: value >= threshold, cut_off=threshold)

    def below(self, path: Path, threshold: float) -> Cond:
        return self.test(path, lambda value: value < threshold, cut_off=threshold)

    def age_between(self, low: int, high: int) -> Cond:
        return Cond(low <= self.age <= high, (self.age_trigger(),))

    def age_test(self, predicate: Callable[[int], bool]) -> Cond:
        return Cond(bool(predicate(self.age)), (self.age_trigger(),))

    def age_trigger(self) -> Trigger:
        return Trigger(AGE_PATH, "Age", f"{self.age} years")

    # -- sides --------------------------------------------------------------------------

    def examined_sides(self, prefix: Path) -> tuple[Side, ...]:
        """The affected side(s); without one, the sides of ``prefix`` with any finding."""
        affected = self.assessment.affected_side
        if affected is not None:
            return tuple(side for side in Side if affected.includes(side))
        recorded = tuple(
            side for side in Side if _has_any_value(self.value((*prefix, side.value)))
        )
        return recorded or (Side.LEFT, Side.RIGHT)

    def side_test(
        self, prefix: Path, name: str | None, predicate: Callable[[Any], bool] = bool
    ) -> Cond:
        """True when the finding holds on an examined side."""
        sides = self.examined_sides(prefix)
        paths = [(*prefix, side.value, *((name,) if name else ())) for side in sides]
        return any_of(*(self.test(path, predicate) for path in paths))

    def side_flag(self, prefix: Path, name: str | None = None) -> Cond:
        return self.side_test(prefix, name, lambda value: value is True)

    @property
    def affected(self) -> AffectedSide | None:
        return self.assessment.affected_side

    # -- trauma -------------------------------------------------------------------------

    def acute_trauma(self) -> Cond:
        """An injury caused these symptoms: the mechanism decides, else an onset recorded as
        traumatic. Nothing else rules an injury out (a long history or an insidious onset
        does not exclude a recent fall), so without a mechanism it stays unknown and rules
        that apply after an injury are not applicable only once "no injury" is recorded
        (reference.md section 6, safety default 1).
        """
        mechanism = self.test(MECHANISM_PATH, lambda value: value is not TraumaMechanism.NONE)
        if not mechanism.unknown:
            return mechanism
        onset = self.equals(ONSET_PATH, Onset.ACUTE_TRAUMATIC)
        if onset.true:
            return onset
        return Cond(None, (), mechanism.missing)

    def days_since_injury(self) -> int | None:
        return days_since_injury(self.assessment)

    def injury_within(self, days: int) -> Cond:
        """The injury is recent enough for a rule with a window of ``days``.

        Without an injury date, the symptom duration dates the injury only when the onset
        was traumatic (the symptoms began with it).
        """
        elapsed = self.days_since_injury()
        if elapsed is not None:
            trigger = Trigger(DAYS_SINCE_INJURY_PATH, "Days since injury", f"{elapsed} days")
            return Cond(0 <= elapsed <= days, (trigger,))
        weeks = self.value(SYMPTOM_DURATION_PATH)
        if weeks is not None and self.value(ONSET_PATH) is Onset.ACUTE_TRAUMATIC:
            # N weeks of symptoms: the injury was 7N to 7N + 6 days ago.
            trigger = (self.trigger(SYMPTOM_DURATION_PATH, weeks),)
            if weeks * 7 > days:
                return Cond(False, trigger)
            if weeks * 7 + 6 <= days:
                return Cond(True, trigger)
        return Cond(None, (), (DAYS_SINCE_INJURY_PATH,))

    # -- earlier rules ------------------------------------------------------------------

    def fired(self, rule_id: str) -> bool:
        outcome = self.outcomes.get(rule_id)
        return outcome is not None and outcome.status == "fired"


def both_sides(prefix: Path, name: str | None = None) -> tuple[Path, Path]:
    """The left and right paths ``side_test(prefix, name)`` may read."""
    suffix = (name,) if name else ()
    return (*prefix, Side.LEFT.value, *suffix), (*prefix, Side.RIGHT.value, *suffix)


def finding_label(path: Path) -> str:
    """How a finding path reads to a clinician, e.g. "Apprehension test positive (right)"."""
    specs = spec_index(Assessment)
    spec = specs.get(path)
    if path == AGE_PATH:
        return "Age"
    if spec is None:
        return " > ".join(" ".join(part.split("_")) for part in path).capitalize()
    side = next((part for part in path if part in ("left", "right")), None)
    group = spec.group_titles[-1] if spec.group_titles else ""
    title = f"{group}: {spec.title}" if group and group != spec.title else spec.title
    return f"{title} ({side})" if side else title


def _has_any_value(node: Any) -> bool:
    if node is None:
        return False
    if hasattr(node, "model_dump"):
        node = node.model_dump()
    if isinstance(node, dict):
        return any(_has_any_value(value) for value in node.values())
    return True
