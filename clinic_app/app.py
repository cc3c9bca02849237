"""The composition root: the one place that wires storage, services and the GUI together."""

from __future__ import annotations

import os
from dataclasses import dataclass

from clinic_app.services.assessments import AssessmentService
from clinic_app.services.demo import load_demo_cases, seed_demo_patients
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


def open_with_demo_patients(database_option: str | None) -> Services:
    """Open the database; a database without patients gets the demo patients (first start)."""
    database = open_database(database_option)
    if database.is_empty():
        seed_demo_patients(database.unit_of_work, load_demo_cases())
    return build_services(database)


def run_gui(database_option: str | None) -> int:
    from clinic_app.ui.application import run

    return run(lambda: open_with_demo_patients(database_option))
