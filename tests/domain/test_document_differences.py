"""Which findings two versions of an assessment record differently (the conflict dialog's table)."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.assessment import Assessment, AssessmentStatus, HintDecision
from clinic_app.domain.decision import HintDecisionKind
from clinic_app.domain.document_differences import (
    NOT_ASSESSED,
    PLAN_FOLLOWS_FINDINGS,
    differing_findings,
)
from clinic_app.domain.fields import with_value
from clinic_app.domain.rehab.plan import Phase, PlannedExercise, RehabPlan

BASE = Assessment(assessment_date=date(2024, 6, 3), clinician="A. Physio")


def test_identical_documents_and_bookkeeping_do_not_differ() -> None:
    stamped = BASE.model_copy(
        update={"rule_set_version": "2024.2", "status": AssessmentStatus.SIGNED}
    )
    assert differing_findings(BASE, BASE) == []
    assert differing_findings(BASE, stamped) == []


def test_each_differing_finding_is_titled_under_its_groups_with_both_values() -> None:
    mine = with_value(BASE, ("strength", "knee_extension", "left", "newtons"), 180.5)
    mine = with_value(mine, ("history", "goals"), "Back to netball")
    theirs = with_value(BASE, ("history", "goals"), "Run 5 km")
    theirs = with_value(theirs, ("affected_side",), "left")

    rows = {row.path: row for row in differing_findings(mine, theirs)}

    assert list(rows) == [  # document order
        ("affected_side",),
        ("history", "goals"),
        ("strength", "knee_extension", "left", "newtons"),
    ]
    side = rows[("affected_side",)]
    assert (side.title, side.mine, side.theirs) == ("Affected side", NOT_ASSESSED, "Left")
    goals = rows[("history", "goals")]
    assert goals.title.startswith("History › ")
    assert (goals.mine, goals.theirs) == ("Back to netball", "Run 5 km")
    force = rows[("strength", "knee_extension", "left", "newtons")]
    assert force.title == "Hip and knee strength › Knee extension › Force (left)"
    assert force.mine.startswith("180.5") and force.theirs == NOT_ASSESSED


def test_multi_choice_findings_are_compared_as_sets_with_their_labels() -> None:
    path = ("history", "complaint", "pain_regions")
    mine = with_value(BASE, path, {"retropatellar", "patellar_tendon"})
    same_in_other_order = with_value(BASE, path, {"patellar_tendon", "retropatellar"})
    nothing = with_value(BASE, path, set())

    assert differing_findings(mine, same_in_other_order) == []
    [row] = differing_findings(mine, nothing)
    assert row.mine == "Patellar tendon, Retropatellar"
    assert row.theirs == "none"  # assessed, no pain: not the same as "not assessed"


def test_hint_decisions_and_plan_edits_count_as_differences() -> None:
    accepted = HintDecision(decision=HintDecisionKind.ACCEPTED)
    dismissed = HintDecision(decision=HintDecisionKind.DISMISSED, reason="seen last week")
    plan = RehabPlan(
        phase=Phase.BUILD, loading_programme_allowed=True,
        exercises=[PlannedExercise(exercise_id="wall_sit", dose="3 x 30 s", frequency="daily")],
    )
    mine = BASE.model_copy(update={"hint_decisions": {"r1": accepted}, "rehab_plan": plan})
    theirs = BASE.model_copy(update={"hint_decisions": {"r1": dismissed, "r2": accepted}})

    rows = {row.path: row for row in differing_findings(mine, theirs)}

    assert rows[("hint_decisions", "r1")].mine == "accepted"
    assert rows[("hint_decisions", "r1")].theirs == "dismissed: seen last week"
    assert rows[("hint_decisions", "r2")].mine == "no decision"
    assert "wall_sit (3 x 30 s, daily)" in rows[("rehab_plan",)].mine
    assert rows[("rehab_plan",)].theirs == PLAN_FOLLOWS_FINDINGS
