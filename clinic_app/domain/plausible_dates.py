"""Dates that can be true of a living patient seen in this clinic.

The domain has no clock: whoever checks passes "today" (the CLI its system
date, a service its injected clock). An assessment may be dated at most one day
ahead, for a clinic in another time zone than the computer.
"""

from __future__ import annotations

from datetime import date, timedelta

from clinic_app.domain.patient import age_in_years

MAX_AGE_YEARS = 120
ASSESSMENT_DAYS_AHEAD = 1
FOLLOW_UP_YEARS_AHEAD = 5


class ImplausibleDateError(ValueError):
    """A date refused as impossible for this patient; the message names the field."""


def earliest_birth_date(today: date) -> date:
    """The earliest date of birth of a patient at most ``MAX_AGE_YEARS`` old today."""
    return _years_before(today, MAX_AGE_YEARS + 1) + timedelta(days=1)


def birth_date_problem(born: date, today: date) -> str | None:
    """Why a date of birth entered today cannot be right; None when it can."""
    if born > today:
        return f"{born} is after today ({today}); expected a date of birth in the past"
    if age_in_years(born, today) > MAX_AGE_YEARS:
        return (
            f"{born} makes the patient {age_in_years(born, today)} years old; expected an age "
            f"from 0 to {MAX_AGE_YEARS} (born on or after {earliest_birth_date(today)})"
        )
    return None


def latest_assessment_date(today: date) -> date:
    return today + timedelta(days=ASSESSMENT_DAYS_AHEAD)


def assessment_date_problem(on: date, born: date, today: date | None) -> str | None:
    """Why an assessment date cannot be right for a patient born on ``born``; None when it can.

    ``today`` None: the future is not checked (a document read without a clock).
    """
    if on < born:
        return (
            f"{on} is before the patient's date of birth ({born}); expected a date on or after it"
        )
    if today is not None and on > latest_assessment_date(today):
        return (
            f"{on} is in the future; expected a date on or before {latest_assessment_date(today)}"
        )
    if age_in_years(born, on) > MAX_AGE_YEARS:
        return (
            f"{on} makes the patient (born {born}) {age_in_years(born, on)} years old; "
            f"expected an age from 0 to {MAX_AGE_YEARS} on the assessment date"
        )
    return None


def injury_date_problem(injury: date, born: date, on: date) -> str | None:
    if born <= injury <= on:
        return None
    return (
        f"{injury} is not between the date of birth ({born}) and the assessment date ({on}); "
        "expected a date in that range"
    )


def follow_up_date_problem(follow_up: date, on: date) -> str | None:
    latest = _years_after(on, FOLLOW_UP_YEARS_AHEAD)
    if on <= follow_up <= latest:
        return None
    return (
        f"{follow_up} is not between the assessment date ({on}) and {latest}; "
        f"expected a date at most {FOLLOW_UP_YEARS_AHEAD} years after the assessment"
    )


def _years_before(day: date, years: int) -> date:
    year = min(max(day.year - years, date.min.year), date.max.year)
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=year, day=28)


def _years_after(day: date, years: int) -> date:
    return _years_before(day, -years)
