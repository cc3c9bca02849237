"""Refused values are explained: the field, the value given and what is allowed."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.case_file import CaseFileError, parse_case
from clinic_app.domain.fields import FieldError, with_value

PATIENT = {
    "family_name": "Test", "given_names": "Case", "date_of_birth": "1990-01-01", "sex": "other"
}


def case_errors(assessment: dict[str, Any], patient: dict[str, Any] | None = None) -> list[str]:
    document = {
        "patient": patient if patient is not None else PATIENT,
        "assessment": {"assessment_date": "2025-01-02", **assessment},
    }
    with pytest.raises(CaseFileError) as caught:
        parse_case(json.dumps(document))
    return caught.value.lines


def test_three_bad_values_give_exactly_three_lines() -> None:
    lines = case_errors(
        {
            "history": {"body": {"body_mass_kg": 0}},
            "foot_ankle": {"lunge": {"left": {"distance_cm": -5}}},
            "outcomes": {"pain": {"usual": 11}},
        }
    )
    assert lines == [
        "assessment.history.body.body_mass_kg (Body mass): 0 is not allowed; "
        "expected a number from 2 to 400 kg",
        "assessment.foot_ankle.lunge.left.distance_cm (Toe-to-wall distance): -5 is not allowed; "
        "expected a number from 0 to 25 cm",
        "assessment.outcomes.pain.usual (Usual pain): 11 is not allowed; "
        "expected a whole number from 0 to 10 points",
    ]


@pytest.mark.parametrize(
    ("assessment", "expected"),
    [
        (
            {"outcomes": {"pain": {"usual": 2.5}}},
            "assessment.outcomes.pain.usual (Usual pain): 2.5 is not allowed; "
            "expected a whole number from 0 to 10 points",
        ),
        (
            {"outcomes": {"pain": {"usual": True}}},
            "assessment.outcomes.pain.usual (Usual pain): True is not allowed; "
            "expected a whole number from 0 to 10 points",
        ),
        (
            {"patellar": {"right": {"effusion": "2+"}}},
            "assessment.patellar.right.effusion (Effusion (stroke test)): '2+' is not allowed; "
            "expected one of: zero, trace, one_plus, two_plus, three_plus",
        ),
        (
            {"history": {"complaint": {"night_pain": "sometimes"}}},
            "assessment.history.complaint.night_pain (Night pain): 'sometimes' is not allowed; "
            "expected true or false (or leave it out: not assessed)",
        ),
        (
            {"history": {"trauma": {"injury_date": "2025-02-30"}}},
            "assessment.history.trauma.injury_date (Date of injury): '2025-02-30' is not allowed; "
            "expected a date as YYYY-MM-DD",
        ),
        (
            {"screens": {"flexibility": {"modified_ober_deg": {"left": -70}}}},
            "assessment.screens.flexibility.modified_ober_deg.left (Modified Ober (thigh angle)): "
            "-70 is not allowed; expected a number from -60 to 45 deg",
        ),
        (
            {"outcomes": {"kujala": {"limp": "sometimes"}}},
            "assessment.outcomes.kujala.limp (1. Limp (max 5)): 'sometimes' is not allowed; "
            "expected one of: none, slight_or_periodical, constant",
        ),
        (
            {"gait": {"cadence": 160}},
            "assessment.gait.cadence: unknown field (not part of schema version 1)",
        ),
        (
            {"history": 5},
            "assessment.history: 5 is not allowed; expected an object of findings",
        ),
    ],
)
def test_one_clear_line_per_problem(assessment: dict[str, Any], expected: str) -> None:
    assert case_errors(assessment) == [expected]


def test_a_wrong_member_of_a_multi_choice_names_the_field_and_its_options() -> None:
    (line,) = case_errors({"history": {"complaint": {"pain_regions": ["retropatellar", "knee"]}}})
    assert line.startswith(
        "assessment.history.complaint.pain_regions (Pain location (pain map)): "
        "'knee' is not allowed"
    )
    assert "expected a list of: retropatellar, peripatellar_medial" in line


def test_patient_problems_are_named() -> None:
    lines = case_errors({}, {**PATIENT, "family_name": "  ", "sex": "f", "nickname": "x"})
    assert lines == [
        "patient.family_name (Family name): '  ' is not allowed; "
        "expected non-blank text of at most 200 characters",
        "patient.sex (Sex): 'f' is not allowed; expected one of: female, male, other",
        "patient.nickname: unknown field (not part of schema version 1)",
    ]


def test_missing_required_parts_are_named() -> None:
    with pytest.raises(CaseFileError) as caught:
        parse_case(json.dumps({"patient": PATIENT}))
    assert caught.value.lines == ["assessment: required but missing"]


def test_earlier_assessments_are_checked_with_their_position() -> None:
    document = {
        "patient": PATIENT,
        "assessment": {"assessment_date": "2025-03-01"},
        "earlier_assessments": [
            {"assessment_date": "2025-01-01"},
            {"assessment_date": "2025-02-01", "outcomes": {"pain": {"worst_last_week": -1}}},
        ],
    }
    with pytest.raises(CaseFileError) as caught:
        parse_case(json.dumps(document))
    assert caught.value.lines == [
        "earlier_assessments.1.outcomes.pain.worst_last_week (Worst pain in the last week): "
        "-1 is not allowed; expected a whole number from 0 to 10 points"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "(file): not valid JSON at line 1, column 2"),
        ("[1, 2]", "(file): expected a JSON object with patient and assessment"),
    ],
)
def test_files_that_are_not_case_objects(text: str, expected: str) -> None:
    with pytest.raises(CaseFileError) as caught:
        parse_case(text)
    assert caught.value.lines[0].startswith(expected)


def test_with_value_refuses_with_field_value_and_range() -> None:
    assessment = Assessment(assessment_date=date(2025, 1, 2))
    with pytest.raises(FieldError) as caught:
        with_value(assessment, ("history", "body", "height_cm"), 300)
    error = caught.value
    assert error.path == ("history", "body", "height_cm")
    assert error.value == 300
    assert error.title == "Height"
    assert error.allowed == "a number from 50 to 250 cm"
    assert str(error) == (
        "history.body.height_cm: 300 is not allowed; expected a number from 50 to 250 cm"
    )


def test_with_value_none_means_not_assessed_and_is_always_accepted() -> None:
    assessment = Assessment.model_validate(
        {"assessment_date": "2025-01-02", "gait": {"cadence_spm": 170}}
    )
    cleared = with_value(assessment, ("gait", "cadence_spm"), None)
    assert cleared.gait.cadence_spm is None
    assert assessment.gait.cadence_spm == 170
