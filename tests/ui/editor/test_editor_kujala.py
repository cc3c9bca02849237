"""The Kujala questionnaire: radio buttons with points, a total only when all 13 are answered."""

from __future__ import annotations

from clinic_app.domain.kujala import KUJALA_ITEMS
from tests.ui.editor.editor_driving import click


def test_total_only_when_every_item_is_answered(editor, services):
    editor.show_section("outcomes")
    page = editor.section_pages["outcomes"]
    expected = 0
    for number, item in enumerate(KUJALA_ITEMS):
        option = item.options[number % len(item.options)]
        field = editor.fields[("outcomes", "kujala", item.key)]
        button = field.button_for(option.code)
        assert button.text().endswith(f"({option.points})")
        click(button)
        expected += option.points
        if number < len(KUJALA_ITEMS) - 1:
            remaining = len(KUJALA_ITEMS) - number - 1
            assert page.readout_text("Kujala AKPS total").startswith(
                f"no total: {remaining} of 13 items unanswered"
            )
    assert page.readout_text("Kujala AKPS total") == f"{expected} / 100"

    click(editor.fields[("outcomes", "kujala", "limp")].button_for(None))  # "Not answered"
    assert page.readout_text("Kujala AKPS total").endswith("(items 1)")
    assert editor.session.document.outcomes.kujala.limp is None
    editor.flush()
    stored = services.assessments.load(editor.session.assessment_id).assessment
    assert stored.outcomes.kujala.limp is None
    assert stored.outcomes.kujala.support == KUJALA_ITEMS[1].options[1].code
