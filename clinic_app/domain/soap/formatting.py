"""Findings as words: value formatting and which values are outside the expected range."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clinic_app.domain.derived import LUNGE_RESTRICTED_BELOW_CM
from clinic_app.domain.exam_functional import Rating
from clinic_app.domain.exam_gait import Severity
from clinic_app.domain.exam_limits import (
    LATERAL_GLIDE_HYPERMOBILE_ABOVE_QUADRANTS,
    MEDIAL_GLIDE_TIGHT_BELOW_QUADRANTS,
    MIDFOOT_WIDTH_CHANGE_ABOVE_MM,
    NAVICULAR_DROP_EXCESSIVE_ABOVE_MM,
    SUPINATED_FPI6_AT_MOST,
)
from clinic_app.domain.exam_patellar import Crepitus, EffusionGrade
from clinic_app.domain.fields import Path
from clinic_app.domain.rehab.builder import CADENCE_RETRAINING_AT_OR_BELOW_SPM, PRONATED_FPI6_FROM

# Findings are keyed by their path without the side ("patellar", "clarke_sign"), so a
# field of the same name elsewhere in the document never matches by accident.

# Yes/no findings where "yes" is the expected, reassuring answer.
REASSURING_WHEN_TRUE: frozenset[Path] = frozenset({
    ("screens", "acute", "can_flex_to_90"), ("screens", "acute", "straight_leg_raise_possible"),
})
# Recorded only: the reference gives them no diagnostic weight (Clarke's sign, Q-angle).
NEVER_MARKED: frozenset[Path] = frozenset({
    ("patellar", "clarke_sign"), ("screens", "flexibility", "q_angle_deg"),
    ("patellar", "tilt_degrees"), ("gait", "notes"),
})

NUMERIC_LIMITS: dict[Path, Callable[[float], bool]] = {
    ("patellar", "medial_glide_quadrants"): lambda v: v < MEDIAL_GLIDE_TIGHT_BELOW_QUADRANTS,
    ("patellar", "lateral_glide_quadrants"):
        lambda v: v > LATERAL_GLIDE_HYPERMOBILE_ABOVE_QUADRANTS,
    ("foot_ankle", "foot", "fpi6_total"):
        lambda v: v >= PRONATED_FPI6_FROM or v <= SUPINATED_FPI6_AT_MOST,
    ("foot_ankle", "foot", "navicular_drop_mm"): lambda v: v > NAVICULAR_DROP_EXCESSIVE_ABOVE_MM,
    ("foot_ankle", "foot", "midfoot_width_change_mm"):
        lambda v: v > MIDFOOT_WIDTH_CHANGE_ABOVE_MM,
    ("gait", "cadence_spm"): lambda v: v <= CADENCE_RETRAINING_AT_OR_BELOW_SPM,
    ("foot_ankle", "lunge", "distance_cm"): lambda v: v < LUNGE_RESTRICTED_BELOW_CM,
    ("functional", "squat", "nprs"): lambda v: v > 0,  # any pain
    ("screens", "provocation", "decline_squat_nprs"): lambda v: v > 0,
}


def without_side(path: Path) -> Path:
    return tuple(part for part in path if part not in ("left", "right"))


def is_abnormal(path: Path, value: Any) -> bool:
    """True for a recorded value the note should flag; unassessed values are never flagged."""
    if value is None:
        return False
    finding = without_side(path)
    if finding in NEVER_MARKED:
        return False
    if isinstance(value, bool):
        return value is not (finding in REASSURING_WHEN_TRUE)
    if isinstance(value, EffusionGrade):
        return value.at_least_one_plus
    if isinstance(value, Rating):
        return value is Rating.POOR
    if isinstance(value, Severity | Crepitus):
        return value.value == "marked"
    if isinstance(value, int | float) and finding in NUMERIC_LIMITS:
        return NUMERIC_LIMITS[finding](float(value))
    return False
