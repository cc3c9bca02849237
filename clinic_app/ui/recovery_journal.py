"""Remembers the clinician's place, so a crash costs nothing but a restart.

Autosave already keeps every change in the database; what a crash loses is which
assessments were open. The journal keeps their ids in the settings as tabs open and
close, and a "running" flag set at start and cleared on a normal close: a flag still
set at the next start means the app stopped unexpectedly.

Only one copy of the app per account keeps the journal: the one holding a lock file
next to the settings. A second copy started meanwhile would otherwise read the first
one's flag as a crash and "recover" its tabs; it simply leaves the journal alone.
A lock left by a crashed copy is stale (its process is gone) and taken over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from clinic_app.ui.settings import AppSettings

LOCK_SUFFIX = ".lock"


class RecoveryJournal:
    def __init__(self, settings: AppSettings, lock_path: Path | None = None) -> None:
        """``lock_path``: by default beside the settings file (one journal per account)."""
        self._settings = settings
        self._lock_path = lock_path or settings.file_path.with_suffix(LOCK_SUFFIX)
        self._lock = QLockFile(str(self._lock_path))
        self._lock.setStaleLockTime(0)  # held for the whole run: only a dead owner makes it stale
        self._started = False

    @property
    def active(self) -> bool:
        """True while this run keeps the journal (it holds the lock)."""
        return self._started

    def start_run(self) -> list[int]:
        """The assessments open when the last run stopped unexpectedly ([] after a normal
        close); from now on this run is the one that counts. [] without taking part when
        another running copy of the app keeps the journal."""
        if not self._started and not self._take_lock():
            return []
        left_open = self._settings.open_assessment_ids if self._settings.running else []
        self._settings.open_assessment_ids = []  # the tabs this run opens (recovered ones too)
        self._settings.running = True
        self._settings.sync()  # on disk now: a crash in a minute must find the flag
        self._started = True
        return left_open

    def remember_open(self, assessment_ids: list[int]) -> None:
        if not self._started:
            return  # recovery still needs what the crashed run left (or another copy keeps it)
        self._settings.open_assessment_ids = assessment_ids
        self._settings.sync()

    def end_run(self) -> None:
        """A normal close; a run that never started (Quit at the login, or a second copy)
        keeps the flag for the next start or for the copy that set it."""
        if not self._started:
            return
        self._settings.running = False
        self._settings.sync()
        self._started = False
        self._lock.unlock()

    def _take_lock(self) -> bool:
        try:
            self._lock_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False  # no settings folder: the app runs, without crash recovery
        return self._lock.tryLock(0)
