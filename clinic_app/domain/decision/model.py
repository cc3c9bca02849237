"""What decision support hands to the clinician: hints, impressions and one conclusion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from clinic_app.domain.model_base import Choice, relabel

Path = tuple[str, ...]


class Urgency(Choice):
    ROUTINE = "routine"
    SOON = "soon"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _URGENCY_ORDER.index(self)


_URGENCY_ORDER = (Urgency.ROUTINE, Urgency.SOON, Urgency.URGENT, Urgency.EMERGENCY)


class HintCategory(Choice):
    RED_FLAG = "red_flag"
    IMAGING = "imaging"
    DIFFERENTIAL = "differential"
    SUPPORTS_PFP = "supports_pfp"
    ARGUES_AGAINST_PFP = "argues_against_pfp"


relabel(
    {
        HintCategory.SUPPORTS_PFP: "Supports patellofemoral pain",
        HintCategory.ARGUES_AGAINST_PFP: "Argues against patellofemoral pain",
    }
)


class PfpVerdict(Choice):
    """How far the findings support patellofemoral pain, least to most confident."""

    ARGUED_AGAINST = "argued_against"
    CANNOT_EVALUATE = "cannot_evaluate"
    SUPPORTED = "supported"
    LIKELY = "likely"

    @property
    def rank(self) -> int:
        return list(PfpVerdict).index(self)


relabel(
    {
        PfpVerdict.SUPPORTED: "Supported (some exclusions not yet assessed)",
        PfpVerdict.CANNOT_EVALUATE: "Cannot evaluate yet",
    }
)


@dataclass(frozen=True)
class Trigger:
    """One finding a rule read, with the value it had."""

    path: Path
    label: str
    value: str


@dataclass(frozen=True)
class ImagingAdvice:
    modality: str  # "none", "radiograph", "MRI without contrast", "ultrasound", ...
    region: str
    views: tuple[str, ...]
    reason: str

    @property
    def is_none(self) -> bool:
        return self.modality == "none"

    def describe(self) -> str:
        if self.is_none:
            return f"No imaging: {self.reason}"
        views = f" ({', '.join(self.views)})" if self.views else ""
        return f"{self.modality.capitalize()}, {self.region}{views}: {self.reason}"


HintStatus = Literal["fired", "cannot_evaluate"]


@dataclass(frozen=True)
class Hint:
    rule_id: str
    title: str
    category: HintCategory
    urgency: Urgency
    status: HintStatus
    triggers: tuple[Trigger, ...]
    missing: tuple[Path, ...]
    reasoning: str
    action: str
    imaging: ImagingAdvice | None
    sources: tuple[str, ...]
    evidence: str  # [V] / [S] / [U] / [D], see reference.md
    referral: str | None = None  # where to send the patient, when the hint fired

    @property
    def fired(self) -> bool:
        return self.status == "fired"


@dataclass(frozen=True)
class Impression:
    condition: str
    confidence: str
    rule_ids: tuple[str, ...]


@dataclass(frozen=True)
class PossibleCondition:
    """A red-flag condition with key features present and its confirming findings not
    assessed (reference.md section 6, safety default 1)."""

    rule_id: str
    condition: str
    urgency: Urgency
    present: tuple[str, ...]  # the key features recorded as present
    to_complete: tuple[str, ...]  # the findings that would confirm or settle it

    @property
    def statement(self) -> str:
        condition = self.condition
        for hedge in ("Possible ", "Suspected "):  # the statement says "possible" itself
            condition = condition.removeprefix(hedge)
        return f"possible {condition[0].lower()}{condition[1:]}: complete " \
            f"{'; '.join(self.to_complete)} now"


@dataclass(frozen=True)
class Conclusion:
    impressions: tuple[Impression, ...]  # ranked, most pressing first
    top_urgency: Urgency
    imaging: ImagingAdvice  # exactly one; "no imaging" is stated explicitly
    loading_programme_allowed: bool
    referral: str | None
    summary: str
    # Red-flag rules that cannot be evaluated yet: the screen is incomplete, never "clear".
    red_flags_not_screened: tuple[str, ...] = ()
    # Possible red-flag conditions; when one sets the headline urgency it is provisional.
    possible: tuple[PossibleCondition, ...] = ()
    urgency_provisional: bool = False
    # No finding fired and the red-flag screen is incomplete: which screen (default 5).
    incomplete_screen: str | None = None

    @property
    def urgency_headline(self) -> str:
        """The urgency in words, as every output shows it."""
        word = self.top_urgency.label.upper()
        if self.urgency_provisional:
            return f"{word} (provisional: findings to complete)"
        if self.incomplete_screen:
            return f"NOT DETERMINED YET: {self.incomplete_screen}"
        return word

    @property
    def loading_advice(self) -> str:
        """The loading programme's status in words (the same on every output)."""
        if self.possible:
            return "WITHHELD until the findings are recorded (" + "; ".join(
                p.statement for p in self.possible
            ) + ")"
        if not self.loading_programme_allowed:
            return "WITHHELD until the red flag or urgent finding has been reviewed"
        if self.red_flags_not_screened:
            return (
                "allowed once the red-flag screen is complete (not yet assessed: "
                + "; ".join(self.red_flags_not_screened) + ")"
            )
        return "allowed"


@dataclass(frozen=True)
class Evaluation:
    hints: tuple[Hint, ...]
    conclusion: Conclusion
    rule_set_version: str
    pfp_verdict: PfpVerdict = PfpVerdict.CANNOT_EVALUATE

    def hint(self, rule_id: str) -> Hint | None:
        return next((hint for hint in self.hints if hint.rule_id == rule_id), None)

    @property
    def fired(self) -> tuple[Hint, ...]:
        return tuple(hint for hint in self.hints if hint.fired)

    @property
    def cannot_evaluate(self) -> tuple[Hint, ...]:
        return tuple(hint for hint in self.hints if not hint.fired)
