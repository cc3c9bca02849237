"""Schema-2 findings added by issue 11: AKPS total entered, gait sides, working diagnosis."""

from __future__ import annotations

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import spec_index
from clinic_app.domain.kujala import KUJALA_ITEMS
from clinic_app.domain.outcomes import akps_total
from tests.decision.decision_builders import assessment

NEW = (("outcomes", "kujala_entered", "total"), ("gait", "pelvic_drop_side"),
       ("gait", "dynamic_knee_valgus_side"), ("gait", "trunk_lean_side"),
       ("history", "treatment", "working_diagnosis"))


def test_each_new_finding_has_a_unit_or_choices() -> None:
    specs = spec_index(Assessment)
    for path in NEW:
        spec = specs[path]
        assert spec.unit or spec.options, path


def test_items_are_preferred_and_the_entered_total_is_labelled_as_entered() -> None:
    best = {f"outcomes.kujala.{item.key}": item.options[-1].code for item in KUJALA_ITEMS}
    both = assessment({**best, "outcomes.kujala_entered.total": 40}).outcomes
    scored = akps_total(both)
    assert scored is not None and not scored.entered and scored.value != 40
    partial = {**best}
    partial.pop("outcomes.kujala.limp")
    only_entered = akps_total(assessment({**partial, "outcomes.kujala_entered.total": 40}).outcomes)
    assert only_entered is not None and (only_entered.value, only_entered.entered) == (40, True)
    assert akps_total(assessment(partial).outcomes) is None
