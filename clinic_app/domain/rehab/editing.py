"""Edits the clinician makes to a rehab plan; each returns a new plan (undo keeps the old)."""

from __future__ import annotations

from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import PlannedExercise, RehabPlan


class PlanEditError(ValueError):
    """An edit that cannot be applied, phrased for the clinician."""


def add_exercise(
    plan: RehabPlan, library: ExerciseLibrary, exercise_id: str, reason: str = "Added by clinician"
) -> RehabPlan:
    exercise = library.get(exercise_id)
    if exercise_id in plan.exercise_ids():
        raise PlanEditError(f"exercise {exercise_id!r} is already in the plan")
    item = PlannedExercise(
        exercise_id=exercise.id,
        dose=exercise.default_dose,
        frequency=exercise.frequency,
        reason=reason,
    )
    return plan.model_copy(update={"exercises": [*plan.exercises, item]})


def remove_exercise(plan: RehabPlan, exercise_id: str) -> RehabPlan:
    index = _index_of(plan, exercise_id)
    remaining = [item for i, item in enumerate(plan.exercises) if i != index]
    return plan.model_copy(update={"exercises": remaining})


def move_exercise(plan: RehabPlan, exercise_id: str, new_index: int) -> RehabPlan:
    index = _index_of(plan, exercise_id)
    if not 0 <= new_index < len(plan.exercises):
        raise PlanEditError(
            f"position {new_index} is outside the plan (0 to {len(plan.exercises) - 1})"
        )
    items = list(plan.exercises)
    items.insert(new_index, items.pop(index))
    return plan.model_copy(update={"exercises": items})


def change_dose(
    plan: RehabPlan, exercise_id: str, dose: str, frequency: str | None = None
) -> RehabPlan:
    index = _index_of(plan, exercise_id)
    old = plan.exercises[index]
    changes: dict[str, str] = {"dose": dose}
    if frequency is not None:
        changes["frequency"] = frequency
    new = PlannedExercise.model_validate({**old.model_dump(), **changes})
    items = list(plan.exercises)
    items[index] = new
    return plan.model_copy(update={"exercises": items})


def _index_of(plan: RehabPlan, exercise_id: str) -> int:
    for index, item in enumerate(plan.exercises):
        if item.exercise_id == exercise_id:
            return index
    raise PlanEditError(f"exercise {exercise_id!r} is not in the plan")
