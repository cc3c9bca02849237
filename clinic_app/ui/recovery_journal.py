"""Remembers the clinician's place, so a crash costs nothing but a restart.

Autosave already keeps every change in the database; what a crash loses is which
assessments were open. The journal keeps their ids in the settings as tabs open and
close, and a "running" flag set at start and cleared on a normal close: a flag still
set at the next start means the app stopped unexpectedly.
"""

from __future__ import annotations

from clinic_app.ui.settings import AppSettings


class RecoveryJournal:
    def __init__(self, settings: AppSettings) -> None:
        self._settings = settings
        self._started = False

    def start_run(self) -> list[int]:
        """The assessments open when the last run stopped unexpectedly ([] after a normal
        close); from now on this run is the one that counts."""
        left_open = self._settings.open_assessment_ids if self._settings.running else []
        self._settings.open_assessment_ids = []  # the tabs this run opens (recovered ones too)
        self._settings.running = True
        self._settings.sync()  # on disk now: a crash in a minute must find the flag
        self._started = True
        return left_open

    def remember_open(self, assessment_ids: list[int]) -> None:
        if not self._started:
            return  # recovery still needs what the crashed run left
        self._settings.open_assessment_ids = assessment_ids
        self._settings.sync()

    def end_run(self) -> None:
        """A normal close; a run that never started (Quit at the login) keeps the flag of a
        crashed run for the next start."""
        if not self._started:
            return
        self._settings.running = False
        self._settings.sync()
        self._started = False
