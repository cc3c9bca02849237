"""Only one running copy of the app keeps the recovery journal: a second copy on the same
account must not read the first one's "running" flag as a crash."""

from __future__ import annotations

from pathlib import Path

from clinic_app.ui.recovery_journal import RecoveryJournal
from clinic_app.ui.settings import AppSettings


def test_a_second_copy_neither_recovers_nor_touches_the_journal(tmp_path: Path) -> None:
    lock = tmp_path / "clinic-app.lock"
    first = RecoveryJournal(AppSettings(), lock)
    assert first.start_run() == [] and first.active
    first.remember_open([4, 7])

    second = RecoveryJournal(AppSettings(), lock)
    assert second.start_run() == []  # the first copy is running, not crashed
    assert not second.active
    second.remember_open([9])
    second.end_run()
    settings = AppSettings()
    assert settings.running and settings.open_assessment_ids == [4, 7]

    first.end_run()
    assert not AppSettings().running
    third = RecoveryJournal(AppSettings(), lock)  # once the first is gone, the next one keeps it
    assert third.start_run() == [] and third.active
    third.end_run()


def test_the_lock_of_a_crashed_copy_is_taken_over_and_its_tabs_recovered(
    tmp_path: Path,
) -> None:
    lock = tmp_path / "clinic-app.lock"
    crashed = RecoveryJournal(AppSettings(), lock)
    crashed.start_run()
    crashed.remember_open([3, 5])
    del crashed  # its process ends without end_run: the flag stays, the lock does not

    restarted = RecoveryJournal(AppSettings(), lock)
    assert restarted.start_run() == [3, 5]
    assert restarted.active
    restarted.end_run()


def test_by_default_the_lock_sits_beside_the_settings_file(ui_settings_folder: Path) -> None:
    settings = AppSettings()
    journal = RecoveryJournal(settings)
    journal.start_run()
    try:
        assert settings.file_path.with_suffix(".lock").is_file()
        assert not RecoveryJournal(AppSettings()).start_run() and settings.running
    finally:
        journal.end_run()
    assert not settings.file_path.with_suffix(".lock").exists()
