"""When a rule is not applicable given what is known, versus when it cannot be evaluated."""

from __future__ import annotations

from clinic_app.domain.decision import evaluate
from tests.decision.decision_builders import assessment, patient

ACUTE_RULES = ("OTTAWA", "PITTSBURGH", "ACR-ACUTE-RADIOGRAPH", "RF-PATELLAR-DISLOCATION",
               "RF-NO-WEIGHT-BEARING", "RF-LIGAMENT-RUPTURE", "RF-HAEMARTHROSIS")


def hint_ids(findings: dict, age: int = 30) -> set[str]:
    return {h.rule_id for h in evaluate(patient(age), assessment(findings)).hints}


def test_long_symptoms_without_an_injury_record_still_ask_for_the_mechanism() -> None:
    # A long history does not rule out a recent fall (reference.md section 6, safety default
    # 1): only "no injury" recorded switches the acute rules off.
    evaluation = evaluate(patient(30), assessment({"history.complaint.symptom_duration_weeks": 16}))
    dislocation = evaluation.hint("RF-PATELLAR-DISLOCATION")
    assert dislocation is not None and dislocation.status == "cannot_evaluate"
    assert ("history", "trauma", "mechanism") in dislocation.missing
    no_injury = {"history.complaint.symptom_duration_weeks": 16, "history.trauma.mechanism": "none"}
    assert not set(ACUTE_RULES) & hint_ids(no_injury)


def test_short_symptoms_without_injury_record_still_ask_for_the_mechanism() -> None:
    hints = evaluate(patient(30), assessment({"history.complaint.symptom_duration_weeks": 3}))
    dislocation = hints.hint("RF-PATELLAR-DISLOCATION")
    assert dislocation is not None and dislocation.status == "cannot_evaluate"
    dated = {"history.complaint.symptom_duration_weeks": 3,
             "history.complaint.onset": "acute_traumatic"}
    assert "OTTAWA" not in hint_ids(dated)  # the injury began the 3 weeks: outside 7 days


def test_recorded_fall_without_date_still_asks_for_the_date() -> None:
    evaluation = evaluate(patient(30), assessment({
        "history.trauma.mechanism": "direct_blow_or_fall",
        "history.complaint.symptom_duration_weeks": 10,
    }))
    ottawa = evaluation.hint("OTTAWA")
    assert ottawa is not None and ottawa.status == "cannot_evaluate"
    assert ("history", "trauma", "injury_date") in ottawa.missing


def test_traumatic_onset_dates_the_injury_by_the_symptoms() -> None:
    findings = {"history.complaint.onset": "acute_traumatic",
                "history.trauma.mechanism": "direct_blow_or_fall",
                "history.complaint.symptom_duration_weeks": 3}
    assert "OTTAWA" not in hint_ids(findings) and "PITTSBURGH" not in hint_ids(findings)
    recent = {**findings, "history.complaint.symptom_duration_weeks": 0.5}
    evaluation = evaluate(patient(8), assessment(recent))
    pittsburgh = evaluation.hint("PITTSBURGH")  # age < 12 within 6 days
    assert pittsburgh is not None and pittsburgh.fired


def test_pain_map_elsewhere_makes_site_rules_not_applicable() -> None:
    ids = hint_ids({"history.complaint.pain_regions": ["retropatellar"]})
    assert not {"FAT-PAD", "ITB-SYNDROME", "TENDINOPATHY", "BIPARTITE-PATELLA"} & ids
    assert "MEDIAL-PLICA" not in ids


def test_positive_site_test_fires_whatever_the_pain_map() -> None:
    evaluation = evaluate(patient(30), assessment({
        "history.complaint.pain_regions": ["retropatellar"],
        "screens.provocation.hoffa_positive": True,
    }))
    fat_pad = evaluation.hint("FAT-PAD")
    assert fat_pad is not None and fat_pad.fired


def test_diffuse_pain_keeps_site_rules_asking() -> None:
    evaluation = evaluate(patient(30), assessment({"history.complaint.pain_regions": ["diffuse"]}))
    fat_pad = evaluation.hint("FAT-PAD")
    assert fat_pad is not None and fat_pad.status == "cannot_evaluate"


def test_ocd_is_not_applied_after_an_acute_injury() -> None:
    findings = {"history.trauma.mechanism": "twist_or_pivot", "patellar.right.effusion": "two_plus",
                "history.mechanical.catching": True}
    assert "OCD" not in hint_ids(findings, age=15)
    no_injury = {**findings, "history.trauma.mechanism": "none"}
    assert "OCD" in hint_ids(no_injury, age=15)


def test_atypical_osteoarthritis_gets_weight_bearing_films() -> None:
    findings = {"history.complaint.aggravating_activities": ["stairs_up"],
                "history.complaint.morning_stiffness_minutes": 45,
                "patellar.right.crepitus": "marked", "screens.palpation.bony_enlargement": True,
                "screens.inflammation.warmth": False}
    imaging = evaluate(patient(60), assessment(findings)).conclusion.imaging
    assert imaging.modality == "radiograph" and "weight-bearing AP" in imaging.views
    typical = {**findings, "history.complaint.morning_stiffness_minutes": 10}
    assert evaluate(patient(60), assessment(typical)).conclusion.imaging.is_none


def test_locked_instability_refers_same_day() -> None:
    conclusion = evaluate(patient(16), assessment({
        "history.mechanical.dislocation_count": 1, "history.mechanical.true_locking": True,
    })).conclusion
    assert conclusion.referral is not None and "same-day" in conclusion.referral.lower()
