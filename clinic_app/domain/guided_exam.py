"""What the guided exam asks: the red-flag checklist first, then the findings that can
still change the conclusion, ranked by how much they would change it.

Also the explicit negative of a finding ("screen negative"): a clinician's action records
it; a finding that was not examined stays "not assessed" (missing is never negative).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision.model import Evaluation, HintCategory, Urgency
from clinic_app.domain.decision.registry import RULES
from clinic_app.domain.fields import FieldSpec, Path, get_value, spec_index

# Findings whose reassuring value is "yes" (the test could be done / was normal).
NORMAL_WHEN_TRUE = frozenset({
    ("screens", "acute", "straight_leg_raise_possible"),
    ("screens", "acute", "can_flex_to_90"),
})
NEGATIVE_CODES = ("none", "zero", "full")  # "no trauma", "no effusion", "full weight bearing"
NEGATIVE_NUMBERS = {("history", "systemic", "unexplained_weight_loss_kg"): 0.0}
NOT_SCREENED = ("outcomes",)  # scores and measures have no "negative"

# Follow-up questions asked only once their parent is answered yes (or with a trauma).
FOLLOW_UPS: dict[Path, tuple[Path, ...]] = {
    ("history", "trauma", "mechanism"): tuple(
        ("history", "trauma", name) for name in (
            "injury_date", "rapid_swelling_within_2h", "superficial_skin_injury_only",
            "reassessment_of_same_injury", "weight_bearing_immediately", "weight_bearing_now",
        )
    ),
    ("history", "complaint", "night_pain"): (
        ("history", "complaint", "night_pain_wakes"),
        ("history", "complaint", "night_pain_relieved_by_nsaid"),
    ),
    ("history", "mechanical", "patella_slipping_out"): (
        ("history", "mechanical", "dislocation_count"),
    ),
    ("screens", "lumbar", "neurological_deficit"): (
        ("screens", "lumbar", "deficit_progressive"),
    ),
}
PARENT_OF: dict[Path, Path] = {
    child: parent for parent, children in FOLLOW_UPS.items() for child in children
}


def answered_yes(value: Any) -> bool:
    """A parent answer that opens its follow-up questions."""
    code = getattr(value, "value", value)
    if isinstance(code, bool):
        return code
    if isinstance(code, str):
        return code not in NEGATIVE_CODES
    if isinstance(code, set | frozenset | list | tuple):
        return bool(code)
    return code is not None and code != 0


def asked(document: Assessment, path: Path) -> bool:
    """Whether ``path`` is asked now: a follow-up only after its parent's yes, or when it
    holds a value already (nothing recorded is ever hidden)."""
    parent = PARENT_OF.get(path)
    if parent is None or get_value(document, path) is not None:
        return True
    return answered_yes(get_value(document, parent)) and asked(document, parent)


def negative_value(spec: FieldSpec) -> Any:
    """The explicit negative of a finding, or None when it has none (a measurement)."""
    if spec.path[0] in NOT_SCREENED:
        return None
    if spec.kind == "boolean":
        return spec.path in NORMAL_WHEN_TRUE
    if spec.kind == "choice":
        return next((code for code, _ in spec.options if code in NEGATIVE_CODES), None)
    return NEGATIVE_NUMBERS.get(spec.path)


def _specs() -> dict[Path, FieldSpec]:
    return spec_index(Assessment)


def red_flag_checklist() -> tuple[Path, ...]:
    """The findings the red-flag rules read that have an explicit negative, in exam order."""
    read = {path for rule in RULES if rule.category is HintCategory.RED_FLAG for path in rule.reads}
    return tuple(
        path for path, spec in _specs().items()
        if path in read and negative_value(spec) is not None
    )


def section_screen(section: str) -> tuple[Path, ...]:
    """The findings of a section that "screen negative" records."""
    return tuple(
        path for path, spec in _specs().items()
        if path[0] == section and negative_value(spec) is not None
    )


def screened_negative(document: Assessment, paths: Iterable[Path]) -> Assessment:
    """``document`` with every finding of ``paths`` still not assessed recorded as negative;
    recorded findings are kept, and follow-ups whose parent is now negative stay empty."""
    specs = _specs()
    changes = {
        path: negative_value(specs[path]) for path in paths
        if get_value(document, path) is None and path not in PARENT_OF
    }
    return with_values(document, changes) if changes else document


def with_values(document: Assessment, changes: dict[Path, Any]) -> Assessment:
    data = document.model_dump()
    for path, value in changes.items():
        node = data
        for name in path[:-1]:
            node = node[name]
        node[path[-1]] = value
    return Assessment.model_validate(data)


def clear_red_flag_screen(document: Assessment, cleared_by: str) -> Assessment:
    """Record the whole red-flag checklist negative, noting who did."""
    after = screened_negative(document, red_flag_checklist())
    if not checklist_all_negative(after):
        return after
    return after.model_copy(update={"red_flag_screen_cleared_by": cleared_by or "the clinician"})


def checklist_all_negative(document: Assessment) -> bool:
    specs = _specs()
    return all(
        get_value(document, path) == negative_value(specs[path])
        for path in red_flag_checklist() if path not in PARENT_OF
    )


def keep_screen_honest(document: Assessment) -> Assessment:
    """Forget who cleared the checklist once one of its items is recorded otherwise."""
    if document.red_flag_screen_cleared_by and not checklist_all_negative(document):
        return document.model_copy(update={"red_flag_screen_cleared_by": None})
    return document


@dataclass(frozen=True)
class WantedFinding:
    path: Path
    urgency: Urgency  # of the most urgent rule waiting for it
    rules: tuple[str, ...]  # the rules waiting for it


def findings_that_matter(
    evaluation: Evaluation, document: Assessment, exclude: Iterable[Path] = ()
) -> tuple[WantedFinding, ...]:
    """The findings the rules that cannot be evaluated yet are missing, most decisive
    first: by the urgency of the rules that wait for them, then how many rules wait."""
    skip = set(exclude)
    specs = _specs()
    waiting: dict[Path, list[tuple[Urgency, str]]] = defaultdict(list)
    for hint in evaluation.cannot_evaluate:
        for path in hint.missing:
            if path in specs and path not in skip and asked(document, path):
                waiting[path].append((hint.urgency, hint.rule_id))
    wanted = [
        WantedFinding(path, max((u for u, _ in rules), key=lambda u: u.rank),
                      tuple(rule for _, rule in rules))
        for path, rules in waiting.items()
    ]
    order = {path: index for index, path in enumerate(specs)}
    return tuple(sorted(
        wanted, key=lambda item: (-item.urgency.rank, -len(item.rules), order[item.path])
    ))
