"""The follow-up appointment as an iCalendar file (RFC 5545) for the patient's calendar.

An all-day event on the follow-up date: the time is booked at the desk, the date is what
the note gives. Built from the assessment alone, so equal input gives equal bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from icalendar import Calendar, Event

from clinic_app.domain.letterhead import Letterhead


class NoFollowUpDateError(ValueError):
    """The note has no follow-up date to put in a calendar."""


def follow_up_calendar(follow_up: date | None, seen_on: date, clinician: str,
                       letterhead: Letterhead) -> bytes:
    if follow_up is None:
        raise NoFollowUpDateError(
            "the note has no follow-up date; set one on the Note tab first")
    calendar = Calendar()
    calendar.add("prodid", "-//Clinic App//follow-up//EN")
    calendar.add("version", "2.0")
    event = Event()
    clinic = letterhead.clinic_name.strip()
    event.add("summary", f"Knee follow-up{f' at {clinic}' if clinic else ''}")
    event.add("dtstart", follow_up)
    event.add("dtstamp", datetime.combine(seen_on, time(), tzinfo=UTC))
    event.add("uid", f"follow-up-{seen_on.isoformat()}-{follow_up.isoformat()}@clinic-app")
    who = clinician.strip() or letterhead.clinician_name.strip()
    details = [f"Follow-up of your knee, as agreed on {seen_on.isoformat()}."]
    if who:
        details.append(f"With {who}.")
    if letterhead.address.strip():
        event.add("location", letterhead.address.replace("\n", ", "))
    details.append("Bring your exercise plan; call the clinic to book or change the time.")
    event.add("description", " ".join(details))
    calendar.add_component(event)
    return calendar.to_ical()
