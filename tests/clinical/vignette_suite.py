"""The clinical validation suite: load the vignettes, evaluate them, compare each point.

A vignette (one JSON file in ``vignettes/``, format in ``vignettes/README.md``) holds a
case file body and the outcome its source expects. Each point (leading impression, other
impressions, urgency, imaging, loading) is checked on its own; a point named in the
vignette's ``ambiguity`` accepts the values listed there, and only that point.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from clinic_app.domain.case_file import CASE_FORMAT, parse_case
from clinic_app.domain.decision import Evaluation, evaluate
from clinic_app.domain.decision.conclusion import NOT_LEADING

VIGNETTES = Path(__file__).parent / "vignettes"
KINDS = ("typical", "partial", "competing")
POINTS = ("leading", "impressions", "urgency", "provisional", "imaging", "loading")
AMBIGUOUS_POINTS = ("leading", "urgency", "imaging", "loading")


@dataclass(frozen=True)
class Vignette:
    id: str
    title: str
    kind: str
    source: str
    story: str
    case: dict[str, Any]
    expected: dict[str, Any]
    ambiguity: dict[str, dict[str, Any]]

    def evaluate(self) -> Evaluation:
        parsed = parse_case(json.dumps({"format": CASE_FORMAT, "title": self.title, **self.case}))
        return evaluate(parsed.patient, parsed.assessment, parsed.earlier_assessments)

    def accepted(self, point: str) -> list[Any]:
        """The values accepted for one point: the expected one, or the ambiguity's list."""
        if point in self.ambiguity:
            return list(self.ambiguity[point]["accept"])
        return [self.expected[point]]


def load(path: Path) -> Vignette:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Vignette(
        data["id"], data["title"], data["kind"], data["source"], data["story"], data["case"],
        data["expected"], data.get("ambiguity", {}),
    )


@cache
def all_vignettes() -> tuple[Vignette, ...]:
    return tuple(load(path) for path in sorted(VIGNETTES.glob("*.json")))


def _leading_ok(evaluation: Evaluation, wanted: str | None) -> str | None:
    impressions = evaluation.conclusion.impressions
    if wanted is None:
        leading = [i.condition for i in impressions if i.confidence not in NOT_LEADING]
        return f"expected no leading impression, got {leading[0]!r}" if leading else None
    if not impressions:
        return f"expected {wanted!r} to lead, got no impression"
    first = impressions[0].condition
    if wanted.lower() not in first.lower():
        return f"expected {wanted!r} to lead, got {first!r}"
    return None


def _imaging_ok(evaluation: Evaluation, wanted: dict[str, str]) -> bool:
    imaging = evaluation.conclusion.imaging
    if imaging.modality != wanted["modality"]:
        return False
    return imaging.is_none or wanted.get("region", "").lower() in imaging.region.lower()


def problems(vignette: Vignette, evaluation: Evaluation | None = None) -> list[str]:
    """Every point where the evaluation disagrees with the vignette, one line each."""
    evaluation = evaluation or vignette.evaluate()
    conclusion = evaluation.conclusion
    found: list[str] = []

    leading = [_leading_ok(evaluation, wanted) for wanted in vignette.accepted("leading")]
    if all(leading):
        found.append("leading impression: " + "; ".join(str(p) for p in leading))
    conditions = [i.condition.lower() for i in conclusion.impressions]
    for wanted in vignette.expected["impressions"]:
        if not any(wanted.lower() in condition for condition in conditions):
            found.append(f"impressions: {wanted!r} missing from {conditions}")
    decided = [i.condition.lower() for i in conclusion.impressions
               if i.confidence not in NOT_LEADING]
    for unwanted in vignette.expected["not_leading"]:
        if any(unwanted.lower() in condition for condition in decided):
            found.append(f"impressions: {unwanted!r} should not be a leading candidate")

    urgency = conclusion.top_urgency.value
    if urgency not in vignette.accepted("urgency"):
        found.append(f"urgency: expected {vignette.accepted('urgency')}, got {urgency}")
    if "provisional" in vignette.expected and \
            conclusion.urgency_provisional is not vignette.expected["provisional"]:
        found.append(f"urgency provisional: expected {vignette.expected['provisional']}, got "
                     f"{conclusion.urgency_provisional}")

    if not any(_imaging_ok(evaluation, wanted) for wanted in vignette.accepted("imaging")):
        imaging = conclusion.imaging
        found.append(f"imaging: expected {vignette.accepted('imaging')}, got "
                     f"{imaging.modality} of {imaging.region}")

    loading = "allowed" if conclusion.loading_programme_allowed else "withheld"
    if loading not in vignette.accepted("loading"):
        found.append(f"loading: expected {vignette.accepted('loading')}, got {loading}")
    return found


def format_problems(vignette: Vignette) -> list[str]:
    """What is wrong with the vignette file itself (fields, kinds, ambiguity entries)."""
    found = []
    if vignette.kind not in KINDS:
        found.append(f"kind {vignette.kind!r} is not one of {KINDS}")
    for name in ("title", "source", "story"):
        if not getattr(vignette, name).strip():
            found.append(f"{name} is empty")
    for point in ("leading", "impressions", "not_leading", "urgency", "imaging", "loading"):
        if point not in vignette.expected:
            found.append(f"expected.{point} is missing")
    for point, entry in vignette.ambiguity.items():
        if point not in AMBIGUOUS_POINTS:
            found.append(f"ambiguity.{point}: only {AMBIGUOUS_POINTS} can be ambiguous")
            continue
        if not str(entry.get("why", "")).strip():
            found.append(f"ambiguity.{point}.why is empty: say why the guideline is ambiguous")
        if vignette.expected.get(point) not in entry.get("accept", []):
            found.append(f"ambiguity.{point}.accept must include the expected value")
        if len(entry.get("accept", [])) < 2:
            found.append(f"ambiguity.{point}.accept needs a second acceptable value")
    return found
