"""Which recorded values the SOAP note marks: limits keyed by the finding's path."""

from __future__ import annotations

import pytest

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.derived import LUNGE_RESTRICTED_BELOW_CM
from clinic_app.domain.fields import spec_index
from clinic_app.domain.rehab.builder import CADENCE_RETRAINING_AT_OR_BELOW_SPM
from clinic_app.domain.soap.formatting import (
    NEVER_MARKED,
    NUMERIC_LIMITS,
    REASSURING_WHEN_TRUE,
    is_abnormal,
    without_side,
)

FINDINGS = {without_side(path) for path in spec_index(Assessment)}


@pytest.mark.parametrize(
    "finding", sorted({*NUMERIC_LIMITS, *REASSURING_WHEN_TRUE, *NEVER_MARKED})
)
def test_every_keyed_finding_exists(finding: tuple[str, ...]) -> None:
    assert finding in FINDINGS  # a mistyped key would silently mark nothing


def test_limits_use_the_plan_and_derived_thresholds() -> None:
    cadence = ("gait", "cadence_spm")
    assert is_abnormal(cadence, CADENCE_RETRAINING_AT_OR_BELOW_SPM)
    assert not is_abnormal(cadence, CADENCE_RETRAINING_AT_OR_BELOW_SPM + 1)
    lunge = ("foot_ankle", "lunge", "right", "distance_cm")
    assert is_abnormal(lunge, LUNGE_RESTRICTED_BELOW_CM - 0.5)
    assert not is_abnormal(lunge, LUNGE_RESTRICTED_BELOW_CM)


def test_a_same_named_field_elsewhere_is_not_matched() -> None:
    assert not is_abnormal(("history", "activity", "cadence_spm"), 150)
    assert not is_abnormal(("functional", "hop", "left", "distance_cm"), 5)
    assert not is_abnormal(("patellar", "right", "clarke_sign"), True)  # recorded only
    assert is_abnormal(("screens", "other", "clarke_sign"), True)  # yes/no: "yes" is marked


def test_reassuring_yes_is_not_marked_and_unassessed_never_is() -> None:
    assert not is_abnormal(("screens", "acute", "can_flex_to_90"), True)
    assert is_abnormal(("screens", "acute", "can_flex_to_90"), False)
    assert not is_abnormal(("gait", "cadence_spm"), None)
