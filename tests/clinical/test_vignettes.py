"""The clinical validation suite: every vignette in tests/clinical/vignettes/ must pass.

Each vignette is evaluated through the domain's ``evaluate()`` and checked point by point
(leading impression, other impressions, urgency and whether it is provisional, imaging
modality and region, loading programme allowed or withheld). A point the vignette marks as
ambiguous accepts the values listed there, and only that point.
"""

from __future__ import annotations

import pytest

from clinic_app.domain.case_file import CASE_FORMAT, CaseFile
from tests.clinical.vignette_suite import KINDS, VIGNETTES, all_vignettes, format_problems, problems

VIGNETTE_IDS = [vignette.id for vignette in all_vignettes()]


@pytest.mark.parametrize("vignette", all_vignettes(), ids=VIGNETTE_IDS)
def test_vignette_outcome_matches_its_source(vignette) -> None:
    found = problems(vignette)
    assert not found, f"{vignette.id} ({vignette.title}):\n  " + "\n  ".join(found)


@pytest.mark.parametrize("vignette", all_vignettes(), ids=VIGNETTE_IDS)
def test_vignette_file_is_complete_and_its_case_is_a_valid_case_file(vignette) -> None:
    assert not format_problems(vignette), format_problems(vignette)
    assert vignette.id == vignette.id.strip() and (VIGNETTES / f"{vignette.id}.json").is_file()
    CaseFile.model_validate({"format": CASE_FORMAT, **vignette.case})


def test_suite_has_the_size_and_mix_the_issue_asks_for() -> None:
    kinds = [vignette.kind for vignette in all_vignettes()]
    assert len(kinds) >= 40
    assert kinds.count("partial") >= 10
    assert kinds.count("competing") >= 10
    assert set(kinds) == set(KINDS)


def test_partial_presentations_are_never_routine_with_loading_allowed() -> None:
    """Key findings left unassessed: the safety default of reference section 6, point 1."""
    for vignette in all_vignettes():
        if vignette.kind != "partial":
            continue
        conclusion = vignette.evaluate().conclusion
        assert conclusion.top_urgency.value != "routine", vignette.id
        assert not conclusion.loading_programme_allowed, vignette.id
        assert conclusion.possible, f"{vignette.id}: no possible condition names what to complete"


def test_a_wrong_expectation_is_reported_as_a_failure() -> None:
    """The comparison can fail: flip each point of one vignette and it must complain."""
    from dataclasses import replace

    vignette = next(v for v in all_vignettes() if v.id.startswith("t06"))
    evaluation = vignette.evaluate()
    wrong = {
        "leading": "patellofemoral pain", "urgency": "routine", "loading": "allowed",
        "imaging": {"modality": "none"}, "impressions": ["meniscal tear"],
        "not_leading": ["deep vein thrombosis"], "provisional": True,
    }
    for point, value in wrong.items():
        broken = replace(vignette, expected={**vignette.expected, point: value})
        assert problems(broken, evaluation), point


FLIPPED = {"urgency": {"routine": "emergency"}, "loading": {"allowed": "withheld",
                                                            "withheld": "allowed"}}


def test_ambiguity_is_honoured_for_its_point_only() -> None:
    """An ambiguous point widens that point; a wrong value elsewhere still fails."""
    from dataclasses import replace

    ambiguous = [v for v in all_vignettes() if v.ambiguity]
    assert ambiguous, "the suite documents at least one ambiguous guideline point"
    for vignette in ambiguous:
        evaluation = vignette.evaluate()
        for other in set(FLIPPED) - set(vignette.ambiguity):
            value = vignette.expected[other]
            flipped = FLIPPED[other].get(value, "routine")
            broken = replace(vignette, expected={**vignette.expected, other: flipped})
            assert problems(broken, evaluation), (vignette.id, other)


def test_no_condition_is_listed_twice() -> None:
    """Two rules pointing to one condition (Ottawa and Pittsburgh: a possible knee fracture)
    give one impression that names everything to complete, not two."""
    for vignette in all_vignettes():
        conclusion = vignette.evaluate().conclusion
        conditions = [p.condition for p in conclusion.possible]
        assert len(conditions) == len(set(conditions)), (vignette.id, conditions)
        listed = [impression.condition for impression in conclusion.impressions]
        assert len(listed) == len(set(listed)), (vignette.id, listed)
