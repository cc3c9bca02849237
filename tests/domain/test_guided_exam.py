"""The guided exam's choices, without Qt: the red-flag checklist, explicit negatives,
follow-up questions and the ranking of the findings that can still change the conclusion."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import Urgency, evaluate
from clinic_app.domain.fields import get_value, spec_index, with_value
from clinic_app.domain.guided_exam import (
    PARENT_OF,
    asked,
    clear_red_flag_screen,
    findings_that_matter,
    keep_screen_honest,
    negative_value,
    red_flag_checklist,
    screened_negative,
    section_screen,
)
from clinic_app.domain.patient import Patient, Sex
from clinic_app.domain.soap.appraisal import appraisal_blocks

PATIENT = Patient(
    family_name="Hartley", given_names="Emma", date_of_birth=date(2001, 4, 17), sex=Sex.FEMALE
)
SLR = ("screens", "acute", "straight_leg_raise_possible")
FEVER = ("history", "systemic", "fever")
MECHANISM = ("history", "trauma", "mechanism")
WEIGHT_BEARING_NOW = ("history", "trauma", "weight_bearing_now")


def new_assessment() -> Assessment:
    return Assessment(assessment_date=date(2025, 3, 10))


def test_the_checklist_holds_what_the_red_flag_rules_read_and_can_be_negative() -> None:
    checklist = red_flag_checklist()
    assert FEVER in checklist and SLR in checklist and MECHANISM in checklist
    specs = spec_index(Assessment)
    assert all(negative_value(specs[path]) is not None for path in checklist)
    assert ("history", "complaint", "symptom_duration_weeks") not in checklist  # a measure


def test_all_negative_records_each_item_says_who_and_clears_the_screen() -> None:
    before = new_assessment()
    assert evaluate(PATIENT, before).conclusion.red_flags_not_screened
    after = clear_red_flag_screen(before, "Alex Morgan")
    assert get_value(after, FEVER) is False
    assert get_value(after, SLR) is True  # being able to lift the leg is the negative
    assert get_value(after, WEIGHT_BEARING_NOW) is None  # no trauma: its follow-up not asked
    assert after.red_flag_screen_cleared_by == "Alex Morgan"
    assert evaluate(PATIENT, after).conclusion.red_flags_not_screened == ()
    impression = appraisal_blocks(after, evaluate(PATIENT, after))[0]
    assert any("recorded negative item by item by Alex Morgan" in line.text
               for line in impression.items)


def test_a_positive_item_keeps_what_was_found_and_forgets_who_cleared() -> None:
    fever = with_value(new_assessment(), FEVER, True)
    cleared = clear_red_flag_screen(fever, "Alex Morgan")
    assert get_value(cleared, FEVER) is True and cleared.red_flag_screen_cleared_by is None
    negative = clear_red_flag_screen(new_assessment(), "Alex Morgan")
    changed = keep_screen_honest(with_value(negative, FEVER, True))
    assert changed.red_flag_screen_cleared_by is None


def test_screen_negative_fills_only_what_was_not_assessed() -> None:
    document = with_value(new_assessment(), ("patellar", "left", "apprehension"), True)
    after = screened_negative(document, section_screen("patellar"))
    assert after.patellar.left.apprehension is True
    assert after.patellar.right.apprehension is False
    assert after.patellar.left.tilt_degrees is None  # a measurement has no negative
    assert section_screen("outcomes") == ()  # scores are never "negative"


def test_follow_ups_are_asked_after_their_parents_yes() -> None:
    document = new_assessment()
    assert WEIGHT_BEARING_NOW in PARENT_OF and not asked(document, WEIGHT_BEARING_NOW)
    assert not asked(with_value(document, MECHANISM, "none"), WEIGHT_BEARING_NOW)
    assert asked(with_value(document, MECHANISM, "twist_or_pivot"), WEIGHT_BEARING_NOW)
    recorded = with_value(document, WEIGHT_BEARING_NOW, "full")
    assert asked(recorded, WEIGHT_BEARING_NOW)  # nothing recorded is ever hidden


def test_findings_are_ranked_by_the_urgency_then_the_number_of_rules_waiting() -> None:
    document = new_assessment()
    evaluation = evaluate(PATIENT, document)
    wanted = findings_that_matter(evaluation, document)
    ranks = [(-item.urgency.rank, -len(item.rules)) for item in wanted]
    assert ranks == sorted(ranks)
    assert wanted[0].urgency is Urgency.EMERGENCY
    urgency = {hint.rule_id: hint.urgency.rank for hint in evaluation.cannot_evaluate}
    for item in wanted:
        assert item.urgency.rank == max(urgency[rule] for rule in item.rules)
        assert all(item.path in hint.missing for hint in evaluation.cannot_evaluate
                   if hint.rule_id in item.rules)

    cleared = clear_red_flag_screen(document, "A")
    after = findings_that_matter(evaluate(PATIENT, cleared), cleared, red_flag_checklist())
    assert not {item.path for item in after} & set(red_flag_checklist())
    assert all(item.urgency is not Urgency.EMERGENCY for item in after)


def test_older_documents_without_the_new_field_still_read() -> None:
    stored = new_assessment().model_dump(mode="json")
    del stored["red_flag_screen_cleared_by"]
    assert Assessment.model_validate(stored).red_flag_screen_cleared_by is None
