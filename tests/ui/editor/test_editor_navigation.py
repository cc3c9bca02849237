"""The section navigator shows completeness; sections and findings can be reached by keys."""

from __future__ import annotations

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.fields import spec_index
from clinic_app.ui.editor.field_layout import section_groups
from clinic_app.ui.editor.hints_splitter import hints_panel_width
from clinic_app.ui.editor.section_navigator import COMPLETE_MARK
from tests.ui.editor.editor_driving import enter_value, replace_text, sample_value


def test_navigator_counts_recorded_findings(editor):
    total = sum(1 for path in spec_index(Assessment) if path[0] == "history")
    assert editor.navigator.row_text("history") == f"History  0/{total}"
    replace_text(editor.fields[("history", "body", "height_cm")], "180")
    assert editor.navigator.row_text("history") == f"History  1/{total}"


def test_a_complete_section_gets_a_tick(editor):
    editor.show_section("gait")
    gait_paths = [path for path in editor.fields if path[0] == "gait"]
    for index, path in enumerate(gait_paths):
        assert COMPLETE_MARK not in editor.navigator.row_text("gait")
        editor.go_to(path)
        enter_value(editor.fields[path], sample_value(editor.fields[path].spec, index))
    total = len(gait_paths)
    assert editor.navigator.row_text("gait") == f"Gait  {total}/{total}  {COMPLETE_MARK}"


def test_next_previous_and_go_to(editor):
    assert editor.current_section() == "history"
    editor.next_section()
    assert editor.current_section() == "patellar"
    editor.previous_section()
    editor.previous_section()
    assert editor.current_section() == "history"
    for _ in EXAM_SECTIONS:
        editor.next_section()
    assert editor.current_section() == "outcomes"
    target = ("screens", "acute", "can_flex_to_90")
    editor.go_to(target)
    assert editor.current_section() == "screens"
    assert editor.fields[target].combo.hasFocus()


def test_bilateral_rows_put_left_and_right_side_by_side():
    groups = section_groups("patellar")
    rows = groups[0].rows
    assert rows[0].key == ("patellar", "medial_glide_quadrants")
    assert set(rows[0].cells) == {"left", "right"}
    screens = {group.key: group for group in section_groups("screens")}
    ober = screens[("screens", "flexibility")].rows[0]
    assert ober.cells["left"].path == ("screens", "flexibility", "modified_ober_deg", "left")
    history = {group.key: group for group in section_groups("history")}
    assert not history[("history", "body")].bilateral


def test_affected_side_is_marked_on_bilateral_pages(editor):
    from tests.ui.editor.editor_driving import choose_with_keys

    choose_with_keys(editor.fields[("affected_side",)].combo, 2)  # Right
    page = editor.section_pages["strength"]
    headers = {side.value: label.text() for side, label in page._side_headers}
    assert headers == {"left": "Left", "right": "Right (affected)"}


def test_a_short_page_does_not_scroll_as_far_as_the_longest(qtbot, editor):
    editor.show_section("gait")
    qtbot.waitUntil(lambda: editor.scroll.verticalScrollBar().maximum() == 0)
    editor.show_section("history")
    qtbot.waitUntil(lambda: editor.scroll.verticalScrollBar().maximum() > 0)


def test_a_narrow_editor_shortens_section_titles_but_keeps_counts(editor) -> None:
    navigator = editor.navigator
    navigator.fit_width(3000)
    assert navigator.width() == navigator.full_width()
    assert navigator.item(EXAM_SECTIONS.index("screens")).text() == navigator.row_text("screens")
    navigator.fit_width(900)  # a laptop screen: the exam form needs the width
    assert navigator.width() < navigator.full_width()
    shown = navigator.item(EXAM_SECTIONS.index("screens")).text()
    full = navigator.row_text("screens")
    assert "\u2026" in shown and shown.split("  ")[-1] == full.split("  ")[-1]  # n/m kept
    assert full.split("  ")[0] in navigator.item(EXAM_SECTIONS.index("screens")).toolTip()
    assert hints_panel_width(1900) == 400 and hints_panel_width(1000) == 300
    assert hints_panel_width(500) == 250  # never more than half
