"""Derived values follow their inputs live, including after undo."""

from __future__ import annotations

from clinic_app.domain.model_base import Side
from tests.ui.editor.editor_driving import choose_with_keys, replace_text

HEIGHT = ("history", "body", "height_cm")
MASS = ("history", "body", "body_mass_kg")


def test_bmi_follows_height_and_mass(editor):
    page = editor.section_pages["history"]
    assert page.readout_text("BMI") == "needs height and body mass"
    replace_text(editor.fields[HEIGHT], "170")
    replace_text(editor.fields[MASS], "65")
    assert page.readout_text("BMI") == "22.5 kg/m²"
    editor.session.undo_stack.undo()
    assert page.readout_text("BMI") == "needs height and body mass"


def test_strength_percent_body_weight_and_symmetry(editor):
    replace_text(editor.fields[MASS], "70")
    choose_with_keys(editor.fields[("affected_side",)].combo, 2)  # Right
    replace_text(editor.fields[("strength", "hip_abduction", "left", "newtons")], "200")
    replace_text(editor.fields[("strength", "hip_abduction", "right", "newtons")], "150")
    replace_text(editor.fields[("strength", "hip_abduction", "right", "lever_arm_m")], "0,8")
    page = editor.section_pages["strength"]
    assert page.readout_text("Force / body weight", Side.LEFT) == "29.1 %BW"
    assert page.readout_text("Force / body weight", Side.RIGHT) == "21.8 %BW"
    assert page.readout_text("Torque / body mass", Side.RIGHT) == "1.71 Nm/kg"
    assert page.readout_text("Limb symmetry index").startswith("75.0% (involved/uninvolved)")
    assert "deficit" in page.readout_text("Limb symmetry index")


def test_lunge_step_down_wells_and_days_since_injury(editor):
    replace_text(editor.fields[("foot_ankle", "lunge", "left", "distance_cm")], "12")
    replace_text(editor.fields[("foot_ankle", "lunge", "right", "distance_cm")], "9.5")
    assert editor.section_pages["foot_ankle"].readout_text("Lunge asymmetry").startswith("2.5 cm")

    side = ("functional", "step_down", "left")
    for name in ("hand_leaves_waist", "trunk_lean", "pelvis_not_level", "unsteady_or_steps_down"):
        choose_with_keys(editor.fields[(*side, name)].combo, 1 if name == "trunk_lean" else 2)
    page = editor.section_pages["functional"]
    assert page.readout_text("Step-down score", Side.LEFT) == "needs every scored item"
    choose_with_keys(editor.fields[(*side, "knee_position")].combo, 3)  # medial to foot border
    assert page.readout_text("Step-down score", Side.LEFT) == "3 of 6 (moderate)"

    wells = editor.section_pages["screens"]
    assert wells.readout_text("Wells DVT score").startswith("incomplete")
    replace_text(editor.fields[("history", "trauma", "injury_date")], "20.05.2024")
    assert editor.section_pages["history"].readout_text("Days since injury").startswith("14 days")
