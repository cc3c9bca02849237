"""S: the history told as a short clinical narrative, generated from the structured fields.

Only what was recorded is said; "denies" is used only for an explicit "no", and
questions not asked are counted per group rather than implied negative.
"""

from __future__ import annotations

from pydantic import BaseModel

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.derived import days_since_injury
from clinic_app.domain.fields import spec_index
from clinic_app.domain.history import History, TraumaMechanism
from clinic_app.domain.patient import Patient
from clinic_app.domain.soap.document import Block, Line
from clinic_app.domain.value_text import format_value

_YES_NO_GROUPS = (
    ("mechanical", "Mechanical symptoms"),
    ("systemic", "Systemic screen"),
    ("inflammatory", "Inflammatory screen"),
    ("hip_and_back", "Hip and back"),
    ("thrombosis", "Venous thrombosis risk"),
    ("past", "Past history"),
)


def subjective_blocks(patient: Patient, assessment: Assessment) -> tuple[Block, ...]:
    history = assessment.history
    lines = [Line(_presenting_complaint(patient, assessment))]
    lines.extend(_pain_lines(assessment))
    trauma = _trauma_line(assessment)
    if trauma:
        lines.append(trauma)
    screens = [line for key, title in _YES_NO_GROUPS if (line := _yes_no_line(history, key, title))]
    return (
        Block("History of the presenting complaint", tuple(lines)),
        Block("Screening questions", tuple(screens) or (Line("No screening questions recorded."),)),
        Block("Activity, treatment and goals", tuple(_activity_lines(history))),
    )


def _presenting_complaint(patient: Patient, assessment: Assessment) -> str:
    complaint = assessment.history.complaint
    age = patient.age_on(assessment.assessment_date)
    affected = assessment.affected_side
    side = affected.label.lower() if affected else "unspecified-side"
    if assessment.affected_side is not None and assessment.affected_side.value == "both":
        side = "bilateral"
    duration = (
        f"{complaint.symptom_duration_weeks:g} weeks of "
        if complaint.symptom_duration_weeks is not None else ""
    )
    onset = f"{complaint.onset.label.lower()} " if complaint.onset else ""
    sentence = f"{age}-year-old {patient.sex.label.lower()} with {duration}{onset}{side} knee pain"
    if complaint.onset is None:
        sentence += " (onset not recorded)"
    return sentence + "."


def _pain_lines(assessment: Assessment) -> list[Line]:
    complaint = assessment.history.complaint
    pain = assessment.outcomes.pain
    lines: list[Line] = []
    if complaint.pain_regions is not None:
        regions = format_value(complaint.pain_regions, lower_items=True)
        lines.append(Line(regions.capitalize() + ".", "Location:"))
    if complaint.aggravating_activities is not None:
        text = format_value(complaint.aggravating_activities, lower_items=True)
        if complaint.sitting_minutes_to_onset is not None:
            text += f" (sitting: pain after {complaint.sitting_minutes_to_onset} min)"
        lines.append(Line(text.capitalize() + ".", "Aggravated by:"))
    scores = [
        f"{label} {value}/10"
        for label, value in (
            ("usual", pain.usual), ("worst in the last week", pain.worst_last_week),
            (f"during {pain.task or 'a named task'}", pain.during_task),
        )
        if value is not None
    ]
    if scores:
        lines.append(Line("; ".join(scores) + ".", "Pain (NPRS):"))
    features = []
    for value, yes, no in (
        (complaint.rest_pain, "pain at rest", "no rest pain"),
        (complaint.night_pain, "night pain", "no night pain"),
        (complaint.night_pain_wakes, "night pain wakes from sleep", None),
    ):
        if value is not None and (value or no):
            features.append(yes if value else no)
    if complaint.morning_stiffness_minutes is not None:
        features.append(f"morning stiffness {complaint.morning_stiffness_minutes} min")
    if complaint.swelling is not None:
        features.append(f"swelling: {complaint.swelling.label.lower()}")
    if features:
        lines.append(Line("; ".join(features).capitalize() + "."))
    return lines


def _trauma_line(assessment: Assessment) -> Line | None:
    trauma = assessment.history.trauma
    if trauma.mechanism is None:
        return Line("Not recorded.", "Trauma:")
    if trauma.mechanism is TraumaMechanism.NONE:
        return Line("No injury.", "Trauma:")
    parts = [trauma.mechanism.label]
    days = days_since_injury(assessment)
    if trauma.injury_date is not None:
        parts.append(f"on {trauma.injury_date.isoformat()} ({days} days ago)")
    if trauma.weight_bearing_immediately is not None:
        immediately = trauma.weight_bearing_immediately.label.lower()
        parts.append(f"weight bearing immediately: {immediately}")
    if trauma.weight_bearing_now is not None:
        parts.append(f"now: {trauma.weight_bearing_now.label.lower()}")
    if trauma.rapid_swelling_within_2h:
        parts.append("rapid swelling within 2 h")
    return Line("; ".join(parts) + ".", "Trauma:", abnormal=True)


def _yes_no_line(history: History, key: str, title: str) -> Line | None:
    group: BaseModel = getattr(history, key)
    specs = spec_index(History)
    reports, denies, extra = [], [], []
    not_asked = 0
    for name in type(group).model_fields:
        value = getattr(group, name)
        spec = specs.get((key, name))
        label = (spec.title if spec else name).lower()
        if value is None:
            not_asked += 1
        elif isinstance(value, bool):
            (reports if value else denies).append(label)
        elif not (isinstance(value, int | float) and value == 0):
            extra.append(f"{label}: {format_value(value, spec, lower_items=True)}")
        else:
            denies.append(label)
    if not (reports or denies or extra):
        return None
    parts = []
    if reports or extra:
        parts.append("reports " + ", ".join([*reports, *extra]))
    if denies:
        parts.append("denies " + ", ".join(denies))
    if not_asked:
        parts.append(f"{not_asked} not asked")
    return Line("; ".join(parts).capitalize() + ".", f"{title}:", abnormal=bool(reports or extra))


def _activity_lines(history: History) -> list[Line]:
    activity = history.activity
    lines: list[Line] = []
    parts = []
    if activity.sport:
        parts.append(activity.sport)
    if activity.activity_types is not None:
        parts.append(f"type: {format_value(activity.activity_types, lower_items=True)}")
    if activity.weekly_volume_km is not None:
        parts.append(f"{activity.weekly_volume_km:g} km/week")
    if activity.weekly_volume_hours is not None:
        parts.append(f"{activity.weekly_volume_hours:g} h/week")
    if activity.load_change_4_weeks_percent is not None:
        parts.append(f"load change over 4 weeks {activity.load_change_4_weeks_percent:+g}%")
    if activity.new_hills_stairs_or_speedwork:
        parts.append("new hills, stairs or speedwork")
    if activity.surface:
        parts.append(f"surface: {activity.surface}")
    if activity.shoe_age_km is not None:
        parts.append(f"shoes about {activity.shoe_age_km:g} km old")
    if activity.reported_cadence_spm is not None:
        parts.append(f"reported cadence {activity.reported_cadence_spm} steps/min")
    if activity.goal_race:
        when = f" on {activity.goal_race_date.isoformat()}" if activity.goal_race_date else ""
        parts.append(f"goal: {activity.goal_race}{when}")
    lines.append(Line("; ".join(parts) + "." if parts else "Not recorded.", "Activity:"))
    if history.growth.height_gain_12_months_cm is not None:
        gain = history.growth.height_gain_12_months_cm
        lines.append(Line(f"{gain:g} cm in 12 months.", "Growth:"))
    treatment = history.treatment
    treatment_parts = [
        text for text in (
            treatment.treatment_type,
            f"{treatment.weeks:g} weeks" if treatment.weeks is not None else None,
            f"adherence {treatment.adherence_percent:g}%"
            if treatment.adherence_percent is not None else None,
            f"taping: {treatment.taping_response.label.lower()}"
            if treatment.taping_response else None,
            f"orthosis: {treatment.orthosis_response.label.lower()}"
            if treatment.orthosis_response else None,
        ) if text
    ]
    if treatment_parts:
        lines.append(Line("; ".join(treatment_parts) + ".", "Treatment so far:"))
    if history.past.imaging:
        lines.append(Line(history.past.imaging, "Previous imaging:"))
    if history.goals:
        lines.append(Line(history.goals, "Goals:"))
    return lines
