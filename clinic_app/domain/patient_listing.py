"""A patient as the patient list shows one, before the validated model is loaded.

At start-up the list's first page is read straight from the file and shown while the
database opens; this plain record spares that moment pydantic and the domain models.
Once the services are attached, the list holds full ``PatientRecord``s again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


def patient_display_name(family_name: str, given_names: str) -> str:
    return f"{family_name}, {given_names}"


def plain_label(code: str) -> str:
    """The wording of a choice that has no custom label (``Choice.label``)."""
    return code.replace("_", " ").capitalize()


@dataclass(frozen=True)
class ListedPatient:
    family_name: str
    given_names: str
    date_of_birth: date
    sex_label: str
    identifier: str | None

    @property
    def display_name(self) -> str:
        return patient_display_name(self.family_name, self.given_names)


@dataclass(frozen=True)
class ListedRecord:
    """Read-only until the services come: same ``id`` and ``patient`` as ``PatientRecord``."""

    id: int
    patient: ListedPatient
