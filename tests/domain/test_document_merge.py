"""Three-way merge of two workstations' versions of one assessment."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.domain.assessment import Assessment, HintDecision, HintDecisionKind
from clinic_app.domain.document_merge import Preference, three_way_merge
from clinic_app.domain.fields import get_value, with_value

HEIGHT = ("history", "body", "height_cm")
MASS = ("history", "body", "body_mass_kg")
USUAL_PAIN = ("outcomes", "pain", "usual")
BASE = Assessment(assessment_date=date(2026, 5, 4), clinician="A. Physio")


def test_changes_to_different_findings_combine_without_a_conflict() -> None:
    mine = with_value(BASE, HEIGHT, 172.0)
    theirs = with_value(BASE, MASS, 70.5)
    merge = three_way_merge(BASE, mine, theirs)
    assert merge.clean
    assert get_value(merge.merged, HEIGHT) == 172.0 and get_value(merge.merged, MASS) == 70.5
    assert merge.mine_changed == (HEIGHT,) and merge.theirs_changed == (MASS,)
    assert merge.titles(merge.theirs_changed) == ["History › Body › Body mass"]


def test_the_same_finding_changed_differently_is_the_only_conflict() -> None:
    mine = with_value(with_value(BASE, HEIGHT, 172.0), USUAL_PAIN, 4)
    theirs = with_value(with_value(BASE, MASS, 70.5), USUAL_PAIN, 6)
    merge = three_way_merge(BASE, mine, theirs)
    [conflict] = merge.conflicts
    assert conflict.path == USUAL_PAIN
    assert conflict.title == "Outcome measures › Pain (NPRS) › Usual pain"
    assert (conflict.mine, conflict.theirs) == ("4 points", "6 points")
    assert get_value(merge.merged, USUAL_PAIN) == 6  # theirs by default
    assert get_value(merge.merged, HEIGHT) == 172.0 and get_value(merge.merged, MASS) == 70.5
    kept_mine = three_way_merge(BASE, mine, theirs, Preference.MINE)
    assert get_value(kept_mine.merged, USUAL_PAIN) == 4


def test_clearing_a_finding_is_a_change_too() -> None:
    base = with_value(BASE, HEIGHT, 180.0)
    mine = with_value(base, HEIGHT, None)  # "not assessed" after all
    theirs = with_value(base, MASS, 80.0)
    merge = three_way_merge(base, mine, theirs)
    assert merge.clean and get_value(merge.merged, HEIGHT) is None
    assert get_value(merge.merged, MASS) == 80.0


def test_hint_decisions_merge_per_rule() -> None:
    accepted = HintDecision(decision=HintDecisionKind.ACCEPTED)
    mine = BASE.model_copy(update={"hint_decisions": {"PFP-LIKELY": accepted}})
    theirs = BASE.model_copy(update={"hint_decisions": {"IMG-OTTAWA": accepted}})
    merge = three_way_merge(BASE, mine, theirs)
    assert merge.clean
    assert set(merge.merged.hint_decisions) == {"PFP-LIKELY", "IMG-OTTAWA"}


FINDINGS = (HEIGHT, MASS, USUAL_PAIN, ("outcomes", "pain", "worst_last_week"))
VALUES = {HEIGHT: st.sampled_from([None, 150.0, 170.0]),
          MASS: st.sampled_from([None, 60.0, 90.0]),
          USUAL_PAIN: st.sampled_from([None, 0, 5]),
          ("outcomes", "pain", "worst_last_week"): st.sampled_from([None, 3, 9])}


def documents() -> st.SearchStrategy[Assessment]:
    return st.fixed_dictionaries({path: VALUES[path] for path in FINDINGS}).map(_document)


def _document(values: dict) -> Assessment:
    document = BASE
    for path, value in values.items():
        document = with_value(document, path, value)
    return document


@settings(max_examples=150, deadline=None)
@given(documents(), documents(), documents())
def test_every_finding_follows_the_three_way_rule(base, mine, theirs) -> None:
    merge = three_way_merge(base, mine, theirs, Preference.MINE)
    conflicted = {conflict.path for conflict in merge.conflicts}
    for path in FINDINGS:
        b, m, t = (get_value(doc, path) for doc in (base, mine, theirs))
        got = get_value(merge.merged, path)
        if m == t:
            assert got == m and path not in conflicted
        elif m == b:
            assert got == t and path not in conflicted
        elif t == b:
            assert got == m and path not in conflicted
        else:
            assert path in conflicted and got == m
    assert three_way_merge(base, mine, mine).clean  # the same edit twice never conflicts
