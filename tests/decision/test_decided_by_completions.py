"""Decided when every completion agrees (issue 11, item 6), checked by brute force.

For each rule, generated partial assessments leave some of the findings the rule reads not
assessed; every completion of those findings is evaluated (booleans and choices take every
value, numbers the values either side of the rules' cut-offs) and compared with the
partial assessment's answer: fired when every completion fires, not fired when none does,
and "cannot evaluate" only when completions disagree.

A completion is a record a clinician could make: one that contradicts a recorded finding
(``CONTRADICTIONS``) is not tried. Where a rule deliberately answers before every
completion agrees, the choice is named below for that rule with its reason
(``MODELLING_CHOICES``); nothing else is exempt.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from itertools import product
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision.context import AGE_PATH, Context
from clinic_app.domain.decision.engine import run_rule
from clinic_app.domain.decision.registry import RULES, Outcome, Rule
from clinic_app.domain.exam_screens import BONY_SITES
from clinic_app.domain.fields import FieldSpec, spec_index
from tests.decision.decision_builders import ASSESSED_ON, assessment, patient

SPECS = spec_index(Assessment)
AGES = (1, 5, 8, 9, 11, 12, 13, 14, 15, 16, 19, 30, 45, 50, 51, 54, 55, 70)
MAX_COMPLETIONS = 32
# Values either side of every numeric cut-off the rules use (reference.md sections 5-6).
NUMERIC_VALUES: dict[str, tuple[float, ...]] = {
    "symptom_duration_weeks": (0, 1, 2, 6, 7),
    "unexplained_weight_loss_kg": (0, 3),
    "flexion_range_deg": (80, 90),
    "internal_rotation_deg": (5, 10, 11, 25, 40),
    "dislocation_count": (0, 1, 3),
    "lateral_glide_quadrants": (2, 3, 3.5),
    "beighton_score": (3, 4),
    "load_change_4_weeks_percent": (0, 29, 30),
    "morning_stiffness_minutes": (0, 29, 30, 31),
    "modified_ober_deg": (-25, -16.3, -10),
    "weeks": (4, 6, 8, 12),
    "adherence_percent": (50, 79, 80),
    "temperature_c": (36.8, 37.9, 38.0),
    "extension_deficit_deg": (0, 5, 10),
    "locking_episodes": (0, 1, 2),
    "usual": (2, 5),
}
INJURY_DAYS = (0, 1, 6, 7, 8, 40)
WEIGHT_BEARING_NOW = ("history.trauma.weight_bearing_now", "history.complaint.weight_bearing")


def _both(findings: dict[str, Any], *keys: str) -> bool:
    return all(findings.get(key) is not None for key in keys)


def _swelling_twins_agree(findings: dict[str, Any]) -> bool:
    rapid, onset = "history.trauma.rapid_swelling_within_2h", "history.complaint.swelling_onset"
    return not _both(findings, rapid, onset) or \
        findings[rapid] == (findings[onset] == "within_2_hours")


def _bony_tenderness_twins_agree(findings: dict[str, Any]) -> bool:
    flag, sites = "screens.palpation.focal_bony_tenderness", "screens.palpation.tender_sites"
    return not _both(findings, flag, sites) or \
        findings[flag] == bool(BONY_SITES & set(findings[sites]))


def _injury_dated_by_onset(findings: dict[str, Any]) -> bool:
    """Symptoms that began with the injury date it: N weeks ago is 7N to 7N + 6 days."""
    weeks, injured = "history.complaint.symptom_duration_weeks", "history.trauma.injury_date"
    if findings.get("history.complaint.onset") != "acute_traumatic" or \
            not _both(findings, weeks, injured):
        return True
    days = (ASSESSED_ON - findings[injured]).days
    return findings[weeks] * 7 <= days < findings[weeks] * 7 + 7


def _flexion_twins_agree(findings: dict[str, Any]) -> bool:
    able, degrees = "screens.acute.can_flex_to_90", "screens.acute.flexion_range_deg"
    return not _both(findings, able, degrees) or findings[able] == (findings[degrees] >= 90)


def _fever_twins_agree(findings: dict[str, Any]) -> bool:
    reported, measured = "history.systemic.fever", "screens.inflammation.temperature_c"
    return not _both(findings, reported, measured) or \
        findings[reported] == (findings[measured] >= 38.0)


def _night_pain_twins_agree(findings: dict[str, Any]) -> bool:
    return not (findings.get("history.complaint.night_pain") is False
                and findings.get("history.complaint.night_pain_wakes") is True)


# Records that contradict themselves: the same finding recorded twice with different values
# (fever reported and measured count as one feature, fever, either record settling it), night
# pain that wakes without night pain, or an injury mechanism of "none" against an onset
# recorded as traumatic.
CONTRADICTIONS = (
    lambda f: not _both(f, *WEIGHT_BEARING_NOW) or len({f[key] for key in WEIGHT_BEARING_NOW}) == 1,
    _swelling_twins_agree,
    _bony_tenderness_twins_agree,
    _flexion_twins_agree,
    _fever_twins_agree,
    _night_pain_twins_agree,
    lambda f: not (f.get("history.trauma.mechanism") == "none"
                   and f.get("history.complaint.onset") == "acute_traumatic"),
    _injury_dated_by_onset,
)


def consistent(findings: dict[str, Any]) -> bool:
    return all(agree(findings) for agree in CONTRADICTIONS)


PAIN_MAP_CHOICE = (
    "a site-specific differential is not waited for when the recorded pain map names none "
    "of its regions; a positive test still fires it (the examination outranks the map)",
    lambda recorded: recorded.get("history.complaint.pain_regions") is not None,
)
NO_INJURY_CHOICE = (
    "the sign fires whatever caused it (a spontaneous rupture, a pale cold foot), but it is "
    "only asked for after an injury or with a key feature: once \"no injury\" is recorded "
    "and no key feature is present the rule is not applicable, not waiting for the sign",
    lambda recorded: recorded.get("history.trauma.mechanism") == "none",
)
# Rules allowed to answer while a completion would answer otherwise, each with its reason and
# the recorded findings under which the choice applies.
MODELLING_CHOICES: dict[str, tuple[str, Any]] = {
    **dict.fromkeys(("TENDINOPATHY", "OSGOOD-SCHLATTER", "SINDING-LARSEN", "FAT-PAD",
                     "MEDIAL-PLICA", "ITB-SYNDROME", "BIPARTITE-PATELLA"), PAIN_MAP_CHOICE),
    "RF-EXTENSOR": NO_INJURY_CHOICE,
    "RF-NEUROVASCULAR": NO_INJURY_CHOICE,
    "ACR-CHRONIC-AFTER-RADIOGRAPHS": (
        "the next imaging step after radiographs: no result recorded means none were taken, "
        "so the rule waits for them instead of asking for their result",
        lambda recorded: recorded.get("history.past.knee_radiographs") is None,
    ),
    "PFP-SUPPORTING": (
        "supporting features are shown unless recorded findings argue against PFP; the PFP "
        "verdict's own findings are not waited for before showing them",
        lambda recorded: "history.complaint.aggravating_activities" not in recorded,
    ),
}


def candidate_values(spec: FieldSpec) -> tuple[tuple[Any, ...], bool] | None:
    """The values a completion tries, and whether they cover every answer the rules give."""
    if spec.kind == "boolean":
        return (True, False), True
    if spec.kind == "choice":
        return tuple(code for code, _ in spec.options), True
    if spec.kind in ("number", "integer"):
        values = NUMERIC_VALUES.get(spec.path[-1]) or NUMERIC_VALUES.get(spec.path[-2])
        return (values, True) if values else None
    if spec.kind == "date":
        return tuple(ASSESSED_ON - timedelta(days=days) for days in INJURY_DAYS), True
    if spec.kind == "choices":
        codes = [code for code, _ in spec.options]
        return ((), *((code,) for code in codes), tuple(codes)), False  # a sample only
    return None


def finding_reads(rule_reads: tuple[tuple[str, ...], ...]) -> list[tuple[FieldSpec, tuple, bool]]:
    found = []
    for path in rule_reads:
        spec = SPECS.get(path)
        candidates = candidate_values(spec) if spec else None
        if candidates is not None:
            found.append((spec, *candidates))
    return found


@lru_cache(maxsize=4096)
def _built(age: int, side: str, findings: tuple[tuple[str, Any], ...]) -> tuple:
    return patient(age), assessment(dict(findings), affected_side=side)


def outcome(rule: Rule, age: int, side: str, findings: dict[str, Any]) -> Outcome:
    """The rule's outcome alone (and the earlier rules it reads), as evaluate() gives it."""
    return run_rule(rule, Context(*_built(age, side, tuple(sorted(findings.items())))))


def answer(rule: Rule, age: int, side: str, findings: dict[str, Any]) -> str:
    status = outcome(rule, age, side, findings).status
    return {"fired": "fired", "cannot_evaluate": "cannot evaluate"}.get(status, "not fired")


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


RULES_READING_FINDINGS = [r for r in RULES if finding_reads(r.reads)]


@pytest.mark.parametrize("rule", RULES_READING_FINDINGS, ids=[r.id for r in RULES_READING_FINDINGS])
@SETTINGS
@given(data=st.data())
def test_decided_exactly_when_every_completion_agrees(rule, data: st.DataObject) -> None:
    reads = finding_reads(rule.reads)
    age = data.draw(st.sampled_from(AGES), label="age")
    side = data.draw(st.sampled_from(["right", "both"]), label="side")
    findings: dict[str, Any] = {}
    missing: list[tuple[FieldSpec, tuple, bool]] = []
    completions_count = 1
    # In a drawn order, each finding is left not assessed while the completions stay few
    # enough to enumerate, so no example is thrown away.
    for index in data.draw(st.permutations(range(len(reads))), label="order"):
        spec, values, exhaustive = reads[index]
        affordable = completions_count * len(values) <= MAX_COMPLETIONS
        if affordable and data.draw(st.booleans(), label=f"leave {spec.key} not assessed"):
            missing.append((spec, values, exhaustive))
            completions_count *= len(values)
        else:
            findings[spec.key] = data.draw(st.sampled_from(values), label=spec.key)
    assume(consistent(findings))
    partial = answer(rule, age, side, findings)
    keys = [spec.key for spec, _, _ in missing]
    completions = {
        answer(rule, age, side, completed)
        for combo in product(*(values for _, values, _ in missing))
        if consistent(completed := {**findings, **dict(zip(keys, combo, strict=True))})
    }
    exhaustive = all(e for *_, e in missing)
    if every_read_enumerated(rule) and exhaustive:
        assert "cannot evaluate" not in completions, \
            f"{rule.id}: a complete assessment cannot leave the rule undecided"
    choice = MODELLING_CHOICES.get(rule.id)
    if choice is not None and choice[1](findings) and partial != "cannot evaluate":
        return  # the named modelling choice above, with its reason
    if partial == "not fired":
        assert "fired" not in completions, f"{rule.id}: not fired, yet a completion fires"
    if partial == "fired" and "Applicability not confirmed" not in outcome(
        rule, age, side, findings
    ).note:
        assert completions <= {"fired"}, f"{rule.id}: fired, yet a completion does not"
    if exhaustive and len(completions) == 1:
        assert partial == completions.pop(), (
            f"{rule.id}: every completion agrees but the partial answer is {partial}"
        )


def every_read_enumerated(rule: Rule) -> bool:
    enumerated = {spec.path for spec, _, _ in finding_reads(rule.reads)}
    return all(path in enumerated for path in rule.reads if path != AGE_PATH and
               path[0] != "patient")
