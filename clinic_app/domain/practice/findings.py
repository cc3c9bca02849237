"""What a student can ask for: one finding per row of the exam form (both sides together).

A finding key is the dotted path of a finding with its side removed, the same unit as a
row of the exam form ("patellar.apprehension" holds the left and the right test).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.fields import FieldSpec, Path, spec_index

SIDES = ("left", "right")
# Sections where the student asks; the others are tests the student performs.
QUESTION_SECTIONS = frozenset({"history", "outcomes"})


def finding_key(path: Path) -> str:
    return ".".join(part for part in path if part not in SIDES)


@cache
def finding_specs() -> dict[str, tuple[FieldSpec, ...]]:
    """Every finding of the exam form by key, with its one or two (left, right) fields."""
    found: dict[str, list[FieldSpec]] = {}
    for path, spec in spec_index(Assessment).items():
        if path[0] in EXAM_SECTIONS:
            found.setdefault(finding_key(path), []).append(spec)
    return {key: tuple(specs) for key, specs in found.items()}


def finding_title(key: str) -> str:
    """"Apprehension test (Patellar glide and tracking)": the row's title and its section."""
    specs = finding_specs().get(key)
    if not specs:
        return key
    section = Assessment.model_fields[specs[0].path[0]].title or specs[0].path[0]
    return f"{specs[0].title} ({section})"


def is_question(key: str) -> bool:
    return key.split(".", 1)[0] in QUESTION_SECTIONS


def revealed(full: Assessment, asked: frozenset[str] | set[str]) -> Assessment:
    """The assessment as far as the student has examined it: the asked findings carry the
    case's values, everything else stays "not assessed"."""
    source = full.model_dump()
    shown: dict[str, Any] = Assessment(
        assessment_date=full.assessment_date, affected_side=full.affected_side
    ).model_dump()
    for key in asked:
        for spec in finding_specs().get(key, ()):
            _copy(source, shown, spec.path)
    return Assessment.model_validate(shown)


def _copy(source: dict[str, Any], target: dict[str, Any], path: Path) -> None:
    node: Any = source
    for name in path:
        if not isinstance(node, dict) or node.get(name) is None:
            return  # the case does not know this finding: it stays not assessed
        node = node[name]
    into = target
    for name in path[:-1]:
        if into.get(name) is None:
            into[name] = {}
        into = into[name]
    into[path[-1]] = node
