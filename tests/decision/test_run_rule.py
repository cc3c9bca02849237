"""run_rule, the one-rule fast path the brute-force test uses, answers as evaluate() does."""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

import pytest

from clinic_app.domain.case_file import parse_case
from clinic_app.domain.decision import evaluate
from clinic_app.domain.decision.context import Context
from clinic_app.domain.decision.engine import FAMILY_ORDER, READ_EARLIER_OUTCOMES, run_rule
from clinic_app.domain.decision.registry import RULES

CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))
READS_EARLIER = re.compile(r"context\.(outcomes|fired|red_flags|pfp_verdict|pfp_core_met|possible)")


def test_families_reading_earlier_outcomes_are_declared() -> None:
    reading = {module.__name__ for module in FAMILY_ORDER
               if READS_EARLIER.search(inspect.getsource(sys.modules[module.__name__]))}
    assert reading == READ_EARLIER_OUTCOMES


@pytest.mark.parametrize("case", CASES, ids=[path.stem for path in CASES])
def test_each_rule_alone_answers_as_in_the_whole_evaluation(case: Path) -> None:
    parsed = parse_case(case.read_text(encoding="utf-8"))
    whole = evaluate(parsed.patient, parsed.assessment, parsed.earlier_assessments)
    for rule in RULES:
        context = Context(parsed.patient, parsed.assessment, parsed.earlier_assessments)
        alone = run_rule(rule, context).status
        hint = whole.hint(rule.id)
        expected = hint.status if hint else None
        assert (alone if alone in ("fired", "cannot_evaluate") else None) == expected, rule.id
