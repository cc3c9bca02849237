"""The follow-up visit: a short re-assessment of what is followed over the episode.

The form asks for the measures again, the tests that were abnormal last time, adherence
and what changed, and re-screens the symptoms that would be a new red flag. The previous
value is shown beside each field and never copied in: a follow-up records what is found
today. Only the context that does not change between visits is carried over, so that
derived values (%BW, symmetry) and the plan's runner advice still work.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.derived import limb_symmetry_index
from clinic_app.domain.exam_functional import KneePositionOnStepDown, Rating
from clinic_app.domain.exam_patellar import EffusionGrade
from clinic_app.domain.fields import Path, get_value, spec_index, with_value
from clinic_app.domain.kujala import KUJALA_ITEMS

# The patient's body, activity, goals and past history: the same at a follow-up.
CARRIED_OVER: tuple[Path, ...] = (
    ("history", "body"),
    ("history", "activity"),
    ("history", "past"),
    ("history", "goals"),
    ("history", "treatment", "treatment_type"),
)

MEASURE_FIELDS: tuple[Path, ...] = (
    ("outcomes", "pain", "usual"),
    ("outcomes", "pain", "worst_last_week"),
    ("outcomes", "pain", "during_task"),
    ("outcomes", "pain", "task"),
    *(("outcomes", "kujala", item.key) for item in KUJALA_ITEMS),
    ("outcomes", "koos_pf", "total"),
)

COURSE_FIELDS: tuple[Path, ...] = (
    ("history", "treatment", "weeks"),
    ("history", "treatment", "adherence_percent"),
    ("soap_text", "subjective"),
)
WHAT_CHANGED = ("soap_text", "subjective")

# Symptoms that would make a new red flag or change the pathway since the last visit.
RED_FLAG_RECHECK: tuple[Path, ...] = (
    ("history", "complaint", "swelling"),
    ("history", "complaint", "night_pain"),
    ("history", "complaint", "rest_pain"),
    ("history", "mechanical", "true_locking"),
    ("history", "mechanical", "giving_way"),
    ("history", "systemic", "fever"),
)

EXAM_SECTIONS_RETESTED = ("patellar", "strength", "foot_ankle", "gait", "functional", "screens")


def follow_up_document(previous: Assessment, on: date, clinician: str) -> Assessment:
    """A new visit's document with only the unchanging context of ``previous``."""
    document = Assessment(assessment_date=on, clinician=clinician,
                          affected_side=previous.affected_side)
    for path in CARRIED_OVER:
        document = _set(document, path, get_value(previous, path))
    return document


def _set(document: Assessment, path: Path, value: Any) -> Assessment:
    data = document.model_dump()
    node = data
    for name in path[:-1]:
        node = node[name]
    node[path[-1]] = value.model_dump() if hasattr(value, "model_dump") else value
    return Assessment.model_validate(data)


def _abnormal(value: Any) -> bool:
    if value is True:
        return True
    if isinstance(value, Rating):
        return value is not Rating.GOOD
    if isinstance(value, KneePositionOnStepDown):
        return value is not KneePositionOnStepDown.ALIGNED
    if isinstance(value, EffusionGrade):
        return value is not EffusionGrade.ZERO
    return False


def abnormal_tests(previous: Assessment) -> tuple[Path, ...]:
    """The exam findings that were abnormal at ``previous``: positive tests, ratings below
    good, effusion, and both sides of a strength group with a symmetry deficit."""
    found: list[Path] = []
    for path in spec_index(Assessment):
        if path[0] in EXAM_SECTIONS_RETESTED and path[0] != "strength" and _abnormal(
            get_value(previous, path)
        ):
            found.append(path)
    for group, strength in previous.strength.groups().items():
        index = limb_symmetry_index(strength, previous.affected_side)
        if index is not None and index.deficit:
            found += [("strength", group, side, "newtons") for side in ("left", "right")]
    return tuple(found)


def form_fields(previous: Assessment) -> tuple[Path, ...]:
    return (*MEASURE_FIELDS, *abnormal_tests(previous), *RED_FLAG_RECHECK, *COURSE_FIELDS,
            ("follow_up_date",))


def filled_follow_up(document: Assessment, values: Mapping[Path, Any]) -> Assessment:
    """``document`` with the form's values; ``FieldError`` names the first refused one."""
    for path, value in values.items():
        if value is not None:
            document = with_value(document, path, value)
    return document
