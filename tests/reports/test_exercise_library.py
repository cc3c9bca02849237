"""The exercise library: every exercise of reference.md section 7, each with its picture."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from clinic_app.domain.rehab.library import ExerciseLibrary, LibraryError, parse_library
from clinic_app.reports.exports import exercises_folder

# One id per row of the reference.md section 7 exercise table.
REFERENCE_TABLE_IDS = {
    "side_lying_hip_abduction", "clamshell", "bridge", "lateral_band_walk", "mini_squat_band",
    "isometric_wall_sit", "seated_knee_extension", "leg_press_squat", "step_up_step_down",
    "split_squat_lunge", "hops_landing", "hamstring_stretch", "itb_foam_rolling",
    "calf_stretch_ankle_mobilisation", "quadriceps_stretch", "dynamic_warm_up",
}


def test_every_reference_exercise_is_in_the_library(library: ExerciseLibrary) -> None:
    assert {exercise.id for exercise in library} == REFERENCE_TABLE_IDS


def test_each_exercise_has_instructions_dose_progression_and_source(
    library: ExerciseLibrary,
) -> None:
    for exercise in library:
        assert len(exercise.instructions) >= 2, exercise.id
        assert exercise.default_dose and exercise.progression and exercise.regression
        assert exercise.source


def test_illustrations_share_one_style(library: ExerciseLibrary) -> None:
    for exercise in library:
        path = exercises_folder() / exercise.illustration
        root = ET.fromstring(path.read_text(encoding="utf-8"))
        assert root.get("viewBox") == "0 0 240 180", path.name
        widths = set(re.findall(r'stroke-width="([\d.]+)"', path.read_text(encoding="utf-8")))
        assert widths <= {"3", "4"}, path.name
        assert "<title>" in path.read_text(encoding="utf-8")


def test_a_broken_library_names_the_exercise_and_the_key() -> None:
    text = '[[exercise]]\nid = "x"\nname = "X"\n'
    with pytest.raises(LibraryError, match=r"exercise #1 \(x\): missing category"):
        parse_library(text)


def test_invalid_toml_is_reported() -> None:
    with pytest.raises(LibraryError, match="not valid TOML"):
        parse_library("[[exercise]\n")


def test_unknown_exercise_names_the_known_ones(library: ExerciseLibrary) -> None:
    with pytest.raises(KeyError, match="clamshell"):
        library.get("moonwalk")
