"""The clinic's letterhead and its clinician: plain data from the settings or the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Letterhead:
    clinic_name: str
    address: str = ""
    logo_path: Path | None = None
    clinician_name: str = ""
    registration_number: str = ""

    @property
    def clinician_line(self) -> str:
        """The clinician as printed ("A. Name, registration no. PH123"): the parts given,
        "" when neither is."""
        parts = [self.clinician_name.strip()]
        if self.registration_number.strip():
            parts.append(f"registration no. {self.registration_number.strip()}")
        return ", ".join(part for part in parts if part)

    def names(self, clinician: str) -> bool:
        """Whether ``clinician`` (as typed on an assessment) is the letterhead's clinician."""
        folded = " ".join(clinician.split()).casefold()
        return bool(folded) and folded == " ".join(self.clinician_name.split()).casefold()


DEFAULT_LETTERHEAD = Letterhead(clinic_name="Clinic App", address="")
