"""Build patients and assessments from dotted finding paths, for readable rule tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.patient import Patient

ASSESSED_ON = date(2025, 6, 1)


def patient(age: int = 30, sex: str = "female") -> Patient:
    born = date(ASSESSED_ON.year - age, 1, 1)
    return Patient(family_name="Test", given_names="Case", date_of_birth=born, sex=sex)


def assessment(findings: dict[str, Any] | None = None, **top: Any) -> Assessment:
    """``findings`` maps dotted paths ("patellar.right.apprehension") to values."""
    data: dict[str, Any] = {"assessment_date": ASSESSED_ON, **top}
    for dotted, value in (findings or {}).items():
        node = data
        *parents, leaf = dotted.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return Assessment.model_validate(data)
