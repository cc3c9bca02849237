"""The clinic's letterhead, passed in from settings as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Letterhead:
    clinic_name: str
    address: str = ""
    logo_path: Path | None = None


DEFAULT_LETTERHEAD = Letterhead(clinic_name="Clinic App", address="")
