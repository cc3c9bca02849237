"""The grader: completeness with must-do items, reasoning against the key, efficiency."""

from __future__ import annotations

import json

from clinic_app.app import load_practice_cases
from clinic_app.domain.practice.answer import StudentAnswer
from clinic_app.domain.practice.attempt import Attempt
from clinic_app.domain.practice.grading import grade

CASES = {case.id: case for case in load_practice_cases()}


def _attempt(case_id: str, asked: list[str], **answer: object) -> Attempt:
    case = CASES[case_id]
    given = {"impressions": case.key.impressions, "urgency": case.key.urgency,
             "imaging": case.key.imaging, "loading_allowed": case.key.loading_allowed,
             "plan": "plan", **answer}
    return Attempt(case_id=case_id, student="S", asked=asked,
                   answer=StudentAnswer.model_validate(given))


def _every_must_do(case_id: str) -> list[str]:
    return [key for item in CASES[case_id].must_do for key in item.findings]


def test_a_complete_correct_attempt_scores_full_marks() -> None:
    result = grade(CASES["scfe-girl"], _attempt("scfe-girl", _every_must_do("scfe-girl")))
    assert (result.total, result.missed_items) == (100, [])


def test_missing_the_red_flag_screen_is_named_with_why_and_scores_lower() -> None:
    case = CASES["bone-tumour"]
    complete = grade(case, _attempt("bone-tumour", _every_must_do("bone-tumour")))
    partial = grade(case, _attempt(
        "bone-tumour", ["history.complaint.night_pain", "screens.inflammation.mass"],
        impressions=["Patellofemoral pain"], urgency="routine", imaging="none",
        loading_allowed=True,
    ))
    assert partial.missed_items == ["Red-flag screen"]
    missed = partial.completeness.items[0]
    assert "Fever (History)" in missed.not_asked and "excluded by asking" in missed.why
    assert partial.total < complete.total
    assert partial.reasoning.score == 0
    assert any(rule.rule_id == "RF-TUMOUR" and rule.sources
               for rule in partial.reasoning.deciding_rules)


def test_the_key_leading_impression_named_second_earns_half() -> None:
    result = grade(CASES["pfp-cyclist"], _attempt(
        "pfp-cyclist", [], impressions=["Iliotibial band syndrome", "Patellofemoral pain"]))
    assert result.reasoning.aspects[0].points == 10


def test_tests_no_rule_reads_count_against_efficiency_unless_the_plan_needs_them() -> None:
    result = grade(CASES["pfp-cyclist"], _attempt(
        "pfp-cyclist", ["patellar.clarke_sign", "screens.flexibility.q_angle_deg",
                        "strength.hip_abduction.newtons", "history.goals"]))
    assert [w.finding for w in result.efficiency.wasted] == [
        "patellar.clarke_sign", "screens.flexibility.q_angle_deg"]
    assert result.efficiency.score == 6


def test_the_osce_time_is_in_the_result() -> None:
    attempt = _attempt("itb-cyclist", []).model_copy(
        update={"mode": "osce", "time_limit_minutes": 15, "seconds_used": 901})
    result = json.loads(grade(CASES["itb-cyclist"], attempt).model_dump_json())
    assert (result["seconds_used"], result["time_limit_minutes"], result["timed_out"]) == (
        901, 15, True)
