"""The composition root: the one place that wires storage, services and the GUI together.

Storage and services are imported inside the functions: the desktop app shows its
window first and builds them from the event loop (see ``clinic_app.ui.startup``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clinic_app.domain.case_file import CaseFile
    from clinic_app.domain.letterhead import Letterhead
    from clinic_app.domain.patient_listing import ListedRecord
    from clinic_app.domain.practice.attempt import Attempt
    from clinic_app.domain.practice.case import PracticeCase
    from clinic_app.domain.practice.grading import PracticeResult
    from clinic_app.domain.rehab.library import ExerciseLibrary
    from clinic_app.export_documents import RecordDocuments
    from clinic_app.services.assessment_history import AssessmentHistoryService
    from clinic_app.services.assessments import AssessmentService
    from clinic_app.services.audit_trail import AuditService
    from clinic_app.services.case_import import CaseImportService
    from clinic_app.services.changes import ChangeService
    from clinic_app.services.conflicts import ConflictService
    from clinic_app.services.demo import DemoService
    from clinic_app.services.episodes import EpisodeService
    from clinic_app.services.erasure import ErasureService
    from clinic_app.services.exporting import ExportService, ExportSource
    from clinic_app.services.patients import PatientService
    from clinic_app.services.ports import UnitOfWork
    from clinic_app.services.practice import PracticeService
    from clinic_app.services.signing import SigningService
    from clinic_app.services.users import UserService
    from clinic_app.services.version_history import VersionHistoryService
    from clinic_app.storage.database import Database
    from clinic_app.unsaved_edits import UnsavedEdits

DATABASE_URL_VARIABLE = "CLINIC_APP_DATABASE_URL"


@dataclass(frozen=True)
class Services:
    patients: PatientService
    assessments: AssessmentService
    history: AssessmentHistoryService
    users: UserService
    signing: SigningService
    conflicts: ConflictService
    audit: AuditService
    changes: ChangeService
    demo: DemoService
    exports: ExportService
    imports: CaseImportService
    versions: VersionHistoryService
    practice: PracticeService
    episodes: EpisodeService
    erasure: ErasureService
    unsaved_edits: UnsavedEdits  # edits a database outage kept on this computer


def resolve_database_url(option: str | None) -> str | None:
    """``--database`` wins over ``CLINIC_APP_DATABASE_URL``; None means the default SQLite file."""
    return option or os.environ.get(DATABASE_URL_VARIABLE) or None


def open_database(option: str | None = None, passphrase: str | None = None) -> Database:
    """Open (creating if needed) and migrate the database. An encrypted SQLite file opens
    with ``passphrase``, else the one in CLINIC_APP_PASSPHRASE or the system keyring
    (``PassphraseError`` when none opens it: the desktop app then asks)."""
    from clinic_app.storage.database import Database, database_file
    from clinic_app.storage.encryption import is_encrypted
    from clinic_app.storage.passphrases import known_passphrase

    url = resolve_database_url(option)
    path = database_file(url)
    if passphrase is None and path is not None and is_encrypted(path):
        passphrase = known_passphrase(path)
    return Database.open(url, passphrase=passphrase)


def build_services(database: Database) -> Services:
    from clinic_app.services.assessment_history import AssessmentHistoryService
    from clinic_app.services.assessments import AssessmentService
    from clinic_app.services.audit_trail import AuditService
    from clinic_app.services.case_import import CaseImportService
    from clinic_app.services.changes import ChangeService
    from clinic_app.services.conflicts import ConflictService
    from clinic_app.services.demo import DemoService
    from clinic_app.services.episodes import EpisodeService
    from clinic_app.services.erasure import ErasureService
    from clinic_app.services.exporting import ExportService
    from clinic_app.services.patients import PatientService
    from clinic_app.services.signing import SigningService
    from clinic_app.services.users import UserService
    from clinic_app.services.version_history import VersionHistoryService
    from clinic_app.storage.data_folder import data_folder
    from clinic_app.unsaved_edits import UnsavedEdits

    return Services(
        patients=PatientService(database.unit_of_work),
        assessments=AssessmentService(database.unit_of_work),
        history=AssessmentHistoryService(database.unit_of_work),
        users=UserService(database.unit_of_work),
        signing=SigningService(database.unit_of_work),
        conflicts=ConflictService(database.unit_of_work),
        audit=AuditService(database.unit_of_work),
        changes=ChangeService(database.unit_of_work),
        demo=DemoService(database.unit_of_work, load_demo_cases),
        exports=ExportService(database.unit_of_work, render_documents),
        imports=CaseImportService(database.unit_of_work),
        versions=VersionHistoryService(database.unit_of_work),
        practice=practice_service(),
        episodes=EpisodeService(database.unit_of_work, exercise_library),
        erasure=ErasureService(database.unit_of_work),
        unsaved_edits=UnsavedEdits(data_folder() / "unsaved"),
    )


def render_documents(source: ExportSource, letterhead: Letterhead) -> RecordDocuments:
    """The renderer (PDF, text, FHIR, case file), imported on first export: start-up does
    not pay for ReportLab."""
    from clinic_app.export_documents import RecordDocuments

    return RecordDocuments(source, letterhead)


def exercise_library() -> ExerciseLibrary:
    """The exercise library, read once (the reports' loader, imported on first use)."""
    from clinic_app.reports.exports import load_library

    return load_library()


def case_exports() -> ExportService:
    """Exports of case files (``export --case``, ``demo``): no database involved."""
    from clinic_app.services.exporting import ExportService

    return ExportService(_no_database, render_documents)


def _no_database() -> UnitOfWork:
    raise RuntimeError("case-file exports read no database")


def load_demo_cases(folder: Path | None = None) -> list[CaseFile]:
    """Parse the bundled practice cases; a broken file raises ``CaseFileError`` naming it."""
    from clinic_app.domain.case_file import parse_case
    from clinic_app.resources import demo_case_paths

    return [parse_case(path.read_text(encoding="utf-8")) for path in demo_case_paths(folder)]


def practice_service() -> PracticeService:
    """Practice mode's service over its own store (``practice.sqlite3`` in the data folder),
    opened on first use; it needs no clinical database."""
    from clinic_app.services.practice import PracticeService
    from clinic_app.storage.practice_store import SqlitePracticeStore

    return PracticeService(SqlitePracticeStore.open, load_practice_cases, render_feedback)


def load_practice_cases() -> list[PracticeCase]:
    """The bundled practice cases; a broken file raises ``PracticeCaseError`` naming it."""
    from clinic_app.domain.practice.case import PracticeCaseError, parse_practice_case
    from clinic_app.resources import practice_case_paths

    cases = []
    for path in practice_case_paths():
        try:
            cases.append(parse_practice_case(path.read_text(encoding="utf-8")))
        except PracticeCaseError as error:
            raise PracticeCaseError([f"{path.name}: {line}" for line in error.lines]) from error
    return cases


def render_feedback(case: PracticeCase, attempt: Attempt, result: PracticeResult) -> bytes:
    from clinic_app.reports.practice_pdf import render_feedback_pdf

    return render_feedback_pdf(case, attempt, result)


_log = logging.getLogger(__name__)


def check_and_back_up(database: Database, today: date | None = None) -> None:
    """Start-up durability: the integrity check (``DatabaseDamagedError`` if it fails, so the
    app says so instead of working on a damaged file), then the daily/weekly backup of a
    SQLite file. A failed backup is logged and does not stop the app."""
    from clinic_app.storage.backups import BackupError, rotate_backups
    from clinic_app.storage.integrity import DatabaseDamagedError, quick_check

    report = quick_check(database.engine)
    if not report.ok:
        raise DatabaseDamagedError(report)
    database_file = database.sqlite_file
    if database_file is None:
        return
    try:
        rotate_backups(database_file, today or date.today(), database.passphrase)
    except (BackupError, OSError) as error:
        _log.warning("automatic backup failed: %s", error)


def open_checked(
    database_option: str | None, ask_passphrase: Callable[[str], str | None] | None = None
) -> Services:
    """Open and check the database (see ``check_and_back_up``) and build the services.

    An encrypted database whose passphrase is not in the environment or the keyring is
    opened with ``ask_passphrase(reason)`` (the desktop app's dialog; None: cancelled),
    asked again after a wrong one, three times at most.

    Nothing is seeded here: the welcome dialog of the first start asks whether to load
    the demo patients (``Services.demo``)."""
    from clinic_app.storage.encryption import PassphraseError

    passphrase = None
    for attempt in range(3):
        try:
            database = open_database(database_option, passphrase)
            break
        except PassphraseError as error:
            if ask_passphrase is None or attempt == 2:
                raise
            passphrase = ask_passphrase(str(error))
            if passphrase is None:
                raise
    try:
        check_and_back_up(database)
    except Exception:
        database.close()
        raise
    return build_services(database)


def run_gui(database_option: str | None) -> int:
    from clinic_app.ui.application import run

    def ask_passphrase(reason: str) -> str | None:
        from clinic_app.ui.passphrase_dialog import PassphraseDialog  # rarely needed: lazily

        return PassphraseDialog.ask(reason)

    return run(
        lambda: open_checked(database_option, ask_passphrase),
        preview=lambda limit: patient_list_preview(database_option, limit),
    )


def patient_list_preview(database_option: str | None, limit: int) -> list[ListedRecord] | None:
    """The first patients, read before the database is open (None: not possible here)."""
    from clinic_app.storage.patient_list_preview import first_patients, preview_file

    path = preview_file(resolve_database_url(database_option))
    return None if path is None else first_patients(path, limit)
