"""The rehab plan builder and the clinician's edits."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.decision import Evaluation, evaluate
from clinic_app.domain.rehab.builder import build_rehab_plan, plan_for_export
from clinic_app.domain.rehab.editing import (
    PlanEditError,
    add_exercise,
    change_dose,
    move_exercise,
    remove_exercise,
)
from clinic_app.domain.rehab.handout import build_handout
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import Measure, Phase

HIP_EXERCISES = {"side_lying_hip_abduction", "clamshell", "bridge", "lateral_band_walk"}


def _evaluation(case: CaseFile) -> Evaluation:
    return evaluate(case.patient, case.assessment, case.earlier_assessments)


def test_case1_plan_has_hip_work_cadence_and_shoe_advice(
    case1: CaseFile, library: ExerciseLibrary
) -> None:
    plan = build_rehab_plan(case1.assessment, _evaluation(case1), library)
    assert plan.loading_programme_allowed
    assert {"side_lying_hip_abduction", "clamshell"} <= set(plan.exercise_ids())
    assert plan.has_measure(Measure.CADENCE_RETRAINING)
    assert plan.has_measure(Measure.REPLACE_SHOES)
    assert plan.has_measure(Measure.RETURN_TO_RUNNING)
    reasons = " ".join(item.reason for item in plan.exercises)
    assert "78%" in reasons  # the hip abductor LSI that chose the exercise


def test_case2_red_flag_replaces_the_loading_programme(
    case2: CaseFile, library: ExerciseLibrary
) -> None:
    plan = build_rehab_plan(case2.assessment, _evaluation(case2), library)
    assert not plan.loading_programme_allowed
    assert plan.exercises == [] and plan.measures == []
    assert plan.referral_advice and "Emergency" in plan.referral_advice
    handout = build_handout(plan, library)
    assert handout.cards == () and handout.advice_sections == ()


def test_edited_plan_is_kept_unless_a_red_flag_forbids_loading(
    case1: CaseFile, case2: CaseFile, library: ExerciseLibrary
) -> None:
    plan = build_rehab_plan(case1.assessment, _evaluation(case1), library)
    edited = remove_exercise(plan, "clamshell").model_copy(update={"note_to_patient": "Hi"})
    stored = case1.assessment.model_copy(update={"rehab_plan": edited})
    assert plan_for_export(stored, _evaluation(case1), library) == edited
    flagged = case2.assessment.model_copy(update={"rehab_plan": edited})
    exported = plan_for_export(flagged, _evaluation(case2), library)
    assert not exported.loading_programme_allowed
    assert exported.exercises == []
    assert exported.note_to_patient == "Hi"


def test_nothing_assessed_gives_the_core_programme_not_a_finding_based_one(
    library: ExerciseLibrary,
) -> None:
    plan = build_rehab_plan(Assessment(assessment_date=date(2025, 1, 6)), None, library)
    assert plan.phase is Phase.SETTLE
    assert not plan.safety_checked
    assert plan.exercise_ids() == [
        "isometric_wall_sit", "mini_squat_band", "side_lying_hip_abduction",
    ]
    assert not plan.has_measure(Measure.CADENCE_RETRAINING)
    assert not plan.has_measure(Measure.ORTHOSIS_TRIAL)


def test_findings_choose_exercises(library: ExerciseLibrary) -> None:
    data = {
        "assessment_date": "2025-01-06",
        "affected_side": "left",
        "history": {"treatment": {"weeks": 4}},
        "strength": {"knee_extension": {"left": {"newtons": 300}, "right": {"newtons": 400}}},
        "foot_ankle": {
            "lunge": {"left": {"distance_cm": 8}, "right": {"distance_cm": 12}},
            "foot": {"left": {"fpi6_total": 7}},
        },
        "gait": {"cadence_spm": 172},
    }
    plan = build_rehab_plan(Assessment.model_validate(data), None, library)
    ids = set(plan.exercise_ids())
    assert plan.phase is Phase.BUILD
    assert {"seated_knee_extension", "calf_stretch_ankle_mobilisation"} <= ids
    assert plan.has_measure(Measure.ORTHOSIS_TRIAL)
    assert not plan.has_measure(Measure.CADENCE_RETRAINING)  # 172 > 170
    assert not plan.has_measure(Measure.TAPING_TRIAL)  # phase 1 only


def test_editing_adds_moves_doses_and_removes(case1: CaseFile, library: ExerciseLibrary) -> None:
    plan = build_rehab_plan(case1.assessment, None, library)
    plan = add_exercise(plan, library, "hamstring_stretch")
    assert plan.exercise_ids()[-1] == "hamstring_stretch"
    plan = move_exercise(plan, "hamstring_stretch", 0)
    assert plan.exercise_ids()[0] == "hamstring_stretch"
    plan = change_dose(plan, "hamstring_stretch", "2 x 45 seconds", "Daily")
    assert (plan.exercises[0].dose, plan.exercises[0].frequency) == ("2 x 45 seconds", "Daily")
    plan = remove_exercise(plan, "hamstring_stretch")
    assert "hamstring_stretch" not in plan.exercise_ids()
    with pytest.raises(PlanEditError, match="not in the plan"):
        remove_exercise(plan, "hamstring_stretch")
    with pytest.raises(PlanEditError, match="already in the plan"):
        add_exercise(plan, library, plan.exercise_ids()[0])
    with pytest.raises(PlanEditError, match="outside the plan"):
        move_exercise(plan, plan.exercise_ids()[0], 99)


def test_plan_round_trips_through_the_assessment_json(
    case1: CaseFile, library: ExerciseLibrary
) -> None:
    plan = build_rehab_plan(case1.assessment, None, library)
    stored = case1.assessment.model_copy(update={"rehab_plan": plan})
    again = Assessment.model_validate_json(stored.model_dump_json())
    assert again.rehab_plan == plan
