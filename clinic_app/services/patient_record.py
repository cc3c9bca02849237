"""A stored patient: its id and details (apart from ``ports`` so the patient list's first
page can be shown before the rest of the domain is imported)."""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.patient import Patient


@dataclass(frozen=True)
class PatientRecord:
    id: int
    patient: Patient
