"""The composition root: the one place that wires storage, services and the GUI together."""

from __future__ import annotations

import os
from dataclasses import dataclass

from clinic_app.services.assessments import AssessmentService
from clinic_app.services.patients import PatientService
from clinic_app.storage.database import Database

DATABASE_URL_VARIABLE = "CLINIC_APP_DATABASE_URL"


@dataclass(frozen=True)
class Services:
    patients: PatientService
    assessments: AssessmentService


def resolve_database_url(option: str | None) -> str | None:
    """``--database`` wins over ``CLINIC_APP_DATABASE_URL``; None means the default SQLite file."""
    return option or os.environ.get(DATABASE_URL_VARIABLE) or None


def open_database(option: str | None = None) -> Database:
    """Open (creating if needed) and migrate the database."""
    return Database.open(resolve_database_url(option))


def build_services(database: Database) -> Services:
    return Services(
        patients=PatientService(database.unit_of_work),
        assessments=AssessmentService(database.unit_of_work),
    )


def run_gui(database_option: str | None) -> int:
    from clinic_app.ui.application import run

    return run(lambda: build_services(open_database(database_option)))
