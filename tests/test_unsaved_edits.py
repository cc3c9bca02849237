"""Unsaved edits kept on this computer while the database cannot be reached."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import with_value
from clinic_app.unsaved_edits import UnsavedEdit, UnsavedEdits, retry_delay_s

BASE = Assessment(assessment_date=date(2026, 5, 4), clinician="A. Physio")


def test_an_entry_survives_until_forgotten_owner_only(tmp_path: Path) -> None:
    journal = UnsavedEdits(tmp_path / "unsaved")
    edited = with_value(BASE, ("referral", ), "GP letter: knee swelling\nafter a fall")
    journal.keep(UnsavedEdit(7, 3, BASE, edited))
    [entry] = UnsavedEdits(tmp_path / "unsaved").pending()  # as the next start reads it
    assert (entry.assessment_id, entry.base_version) == (7, 3)
    assert entry.document == edited and entry.base == BASE
    path = tmp_path / "unsaved" / "assessment-7.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    journal.forget(7)
    assert journal.pending() == []


def test_an_unreadable_entry_is_left_in_place_and_the_others_still_read(tmp_path) -> None:
    journal = UnsavedEdits(tmp_path)
    journal.keep(UnsavedEdit(1, 1, BASE, BASE))
    broken = tmp_path / "assessment-2.json"
    broken.write_text("{not json", encoding="utf-8")
    assert [entry.assessment_id for entry in journal.pending()] == [1]
    assert broken.exists()


def test_retries_back_off_up_to_half_a_minute() -> None:
    assert [retry_delay_s(n) for n in (1, 2, 3, 4, 5, 6, 7, 20)] == [1, 2, 4, 8, 16, 30, 30, 30]
