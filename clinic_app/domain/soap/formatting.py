"""Findings as words: value formatting and which values are outside the expected range."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clinic_app.domain.exam_functional import Rating
from clinic_app.domain.exam_gait import Severity
from clinic_app.domain.exam_patellar import Crepitus, EffusionGrade
from clinic_app.domain.fields import Path

# Yes/no findings where "yes" is the expected, reassuring answer.
REASSURING_WHEN_TRUE = frozenset({"can_flex_to_90", "straight_leg_raise_possible"})
# Recorded only: the reference gives them no diagnostic weight (Clarke's sign, Q-angle).
NEVER_MARKED = frozenset({"clarke_sign", "q_angle_deg", "tilt_degrees", "notes"})


_NUMERIC_LIMITS: dict[str, Callable[[float], bool]] = {
    "medial_glide_quadrants": lambda v: v < 1,
    "lateral_glide_quadrants": lambda v: v > 3,
    "fpi6_total": lambda v: v >= 6 or v <= -1,
    "navicular_drop_mm": lambda v: v > 10,
    "midfoot_width_change_mm": lambda v: v > 10.96,
    "cadence_spm": lambda v: v <= 170,
    "distance_cm": lambda v: v < 10,
    "oxford_grade": lambda v: v < 5,
    "nprs": lambda v: v > 0,
    "decline_squat_nprs": lambda v: v > 0,
}


def is_abnormal(path: Path, value: Any) -> bool:
    """True for a recorded value the note should flag; unassessed values are never flagged."""
    if value is None:
        return False
    name = next((part for part in reversed(path) if part not in ("left", "right")), path[-1])
    if name in NEVER_MARKED:
        return False
    if isinstance(value, bool):
        return value is not (name in REASSURING_WHEN_TRUE)
    if isinstance(value, EffusionGrade):
        return value.at_least_one_plus
    if isinstance(value, Rating):
        return value is Rating.POOR
    if isinstance(value, Severity | Crepitus):
        return value.value == "marked"
    if isinstance(value, int | float) and name in _NUMERIC_LIMITS:
        return _NUMERIC_LIMITS[name](float(value))
    return False
