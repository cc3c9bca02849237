"""Kujala AKPS: every option scores the weight of reference.md section 4 (J Orthop 2023 table).

The expected table is written out here on purpose, independently of clinic_app.domain.kujala,
so a typo in either place shows up as a failing test.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_app.domain.kujala import KUJALA_ITEMS, KujalaAnswers, score_kujala

EXPECTED_POINTS: dict[str, dict[str, int]] = {
    "limp": {"none": 5, "slight_or_periodical": 3, "constant": 0},
    "support": {"full_without_pain": 5, "painful": 3, "impossible": 0},
    "walking": {"unlimited": 5, "more_than_2km": 3, "1_to_2km": 2, "unable": 0},
    "stairs": {
        "no_difficulty": 10,
        "slight_pain_descending": 8,
        "pain_descending_and_ascending": 5,
        "unable": 0,
    },
    "squatting": {
        "no_difficulty": 5,
        "repeated_painful": 4,
        "painful_each_time": 3,
        "partial_weight_bearing": 2,
        "unable": 0,
    },
    "running": {
        "no_difficulty": 10,
        "pain_after_2km": 8,
        "slight_pain_from_start": 6,
        "severe_pain": 3,
        "unable": 0,
    },
    "jumping": {"no_difficulty": 10, "slight_difficulty": 7, "constant_pain": 2, "unable": 0},
    "prolonged_sitting": {
        "no_difficulty": 10,
        "pain_after_exercise": 8,
        "constant_pain": 6,
        "forced_to_extend": 4,
        "unable": 0,
    },
    "pain": {
        "none": 10,
        "slight_occasional": 8,
        "interferes_with_sleep": 6,
        "occasionally_severe": 3,
        "constant_and_severe": 0,
    },
    "swelling": {
        "none": 10,
        "after_severe_exertion": 8,
        "after_daily_activities": 6,
        "every_evening": 4,
        "constant": 0,
    },
    "subluxations": {
        "none": 10,
        "occasionally_in_sports": 6,
        "occasionally_in_daily_activities": 4,
        "one_documented_dislocation": 2,
        "more_than_2_dislocations": 0,
    },
    "thigh_atrophy": {"none": 5, "slight": 3, "severe": 0},
    "flexion_deficiency": {"none": 5, "slight": 3, "severe": 0},
}

ITEM_ORDER = list(EXPECTED_POINTS)  # the questionnaire's order, items 1 to 13


def best_answers() -> dict[str, str]:
    return {key: max(options, key=options.__getitem__) for key, options in EXPECTED_POINTS.items()}


def test_the_questionnaire_has_the_13_items_in_order() -> None:
    assert [item.key for item in KUJALA_ITEMS] == ITEM_ORDER
    assert [item.number for item in KUJALA_ITEMS] == list(range(1, 14))


@pytest.mark.parametrize("key", ITEM_ORDER)
def test_each_item_offers_exactly_the_reference_options(key: str) -> None:
    item = next(item for item in KUJALA_ITEMS if item.key == key)
    assert {option.code: option.points for option in item.options} == EXPECTED_POINTS[key]
    assert all(option.label for option in item.options)


@pytest.mark.parametrize(
    ("key", "code", "points"),
    [
        (key, code, points)
        for key, options in EXPECTED_POINTS.items()
        for code, points in options.items()
    ],
)
def test_every_option_of_every_item_scores_its_weight(key: str, code: str, points: int) -> None:
    answers = {**best_answers(), key: code}
    best_of_item = max(EXPECTED_POINTS[key].values())
    score = score_kujala(KujalaAnswers(**answers))
    assert score.total == 100 - best_of_item + points


def test_maxima_sum_to_100_and_minima_to_0() -> None:
    assert sum(max(options.values()) for options in EXPECTED_POINTS.values()) == 100
    assert sum(item.maximum for item in KUJALA_ITEMS) == 100
    worst = {key: min(options, key=options.__getitem__) for key, options in EXPECTED_POINTS.items()}
    assert score_kujala(KujalaAnswers(**worst)).total == 0


def test_no_total_until_every_item_is_answered_and_missing_items_are_named() -> None:
    answers = best_answers()
    del answers["jumping"], answers["flexion_deficiency"]
    score = score_kujala(KujalaAnswers(**answers))
    assert score.total is None
    assert not score.complete
    assert [item.key for item in score.missing] == ["jumping", "flexion_deficiency"]
    assert [item.number for item in score.missing] == [7, 13]
    assert score.partial_sum == 100 - 10 - 5


def test_an_empty_questionnaire_is_not_a_score_of_zero() -> None:
    score = score_kujala(KujalaAnswers())
    assert score.total is None
    assert len(score.missing) == 13


def test_an_unknown_option_is_refused() -> None:
    with pytest.raises(ValueError, match="limp"):
        KujalaAnswers(limp="sometimes")


answer_sets = st.fixed_dictionaries(
    {},
    optional={key: st.sampled_from(sorted(options)) for key, options in EXPECTED_POINTS.items()},
)


@given(answer_sets)
def test_total_is_the_sum_of_the_weights_exactly_when_complete(answers: dict[str, str]) -> None:
    score = score_kujala(KujalaAnswers(**answers))
    expected_sum = sum(EXPECTED_POINTS[key][code] for key, code in answers.items())
    assert score.partial_sum == expected_sum
    if len(answers) == 13:
        assert score.total == expected_sum
        assert 0 <= score.total <= 100
    else:
        assert score.total is None
        assert {item.key for item in score.missing} == set(EXPECTED_POINTS) - set(answers)
