"""The pain map diagram and its checkbox list show and edit the same finding."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clinic_app.domain.history import PainRegion
from clinic_app.ui.editor.pain_map_shapes import KEYBOARD_ORDER
from tests.ui.editor.editor_driving import choose_with_keys, click

PAIN_MAP = ("history", "complaint", "pain_regions")


def regions(editor):
    value = editor.session.document.history.complaint.pain_regions
    return None if value is None else {region.value for region in value}


def test_every_region_can_be_clicked_and_is_found_where_drawn(editor):
    diagram = editor.fields[PAIN_MAP].diagram
    for region in PainRegion:
        assert diagram.region_at(diagram.region_center(region).toPointF()) is region


def test_click_on_the_drawing_ticks_the_list_and_back(qtbot, editor):
    field = editor.fields[PAIN_MAP]
    diagram = field.diagram
    assert regions(editor) is None and field.region_list.not_assessed_box.isChecked()

    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton,
                     pos=diagram.region_center(PainRegion.INFERIOR_POLE))
    assert regions(editor) == {"inferior_pole"}
    assert field.region_list.option_boxes["inferior_pole"].isChecked()
    assert not field.region_list.not_assessed_box.isChecked()

    click(field.region_list.option_boxes["tibial_tubercle"])
    assert diagram.selection() == {"inferior_pole", "tibial_tubercle"}
    assert regions(editor) == {"inferior_pole", "tibial_tubercle"}

    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton,
                     pos=diagram.region_center(PainRegion.INFERIOR_POLE))
    assert not field.region_list.option_boxes["inferior_pole"].isChecked()
    assert regions(editor) == {"tibial_tubercle"}

    editor.session.undo_stack.undo()
    assert diagram.selection() == {"inferior_pole", "tibial_tubercle"}
    assert field.region_list.option_boxes["inferior_pole"].isChecked()


def test_keyboard_moves_and_toggles(qtbot, editor):
    field = editor.fields[PAIN_MAP]
    diagram = field.diagram
    editor.go_to(PAIN_MAP)
    assert diagram.hasFocus()
    qtbot.keyClick(diagram, Qt.Key.Key_Right)
    assert diagram.current_region() is KEYBOARD_ORDER[1]
    qtbot.keyClick(diagram, Qt.Key.Key_Space)
    assert regions(editor) == {KEYBOARD_ORDER[1].value}
    assert field.region_list.option_boxes[KEYBOARD_ORDER[1].value].isChecked()
    assert KEYBOARD_ORDER[1].label in diagram.accessibleDescription()


def test_list_is_labelled_for_screen_readers(editor):
    field = editor.fields[PAIN_MAP]
    names = {box.accessibleName() for box in field.region_list.option_boxes.values()}
    assert "Pain location (pain map): Retropatellar" in names
    assert field.diagram.accessibleName() == "Pain map diagram"


def test_left_knee_is_drawn_mirrored(editor):
    diagram = editor.fields[PAIN_MAP].diagram
    right_knee_x = diagram.region_center(PainRegion.LATERAL_JOINT_LINE).x()
    choose_with_keys(editor.fields[("affected_side",)].combo, 1)  # Left
    assert diagram.is_mirrored()
    assert diagram.region_center(PainRegion.LATERAL_JOINT_LINE).x() > right_knee_x
