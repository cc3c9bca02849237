"""The SOAP note as a structured document: sections of headed blocks holding lines and tables.

No layout here; clinic_app.reports turns it into a PDF or plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from clinic_app.domain.records.signature import RecordTrail


@dataclass(frozen=True)
class Line:
    text: str
    label: str | None = None  # shown in bold before the text
    abnormal: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    abnormal_rows: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Block:
    heading: str | None
    items: tuple[Line | Table, ...]


@dataclass(frozen=True)
class SoapSection:
    letter: str
    title: str
    blocks: tuple[Block, ...]
    clinician_text: str | None = None


@dataclass(frozen=True)
class PatientIdentity:
    name: str
    date_of_birth: date
    age: int
    sex: str
    identifier: str | None

    @property
    def one_line(self) -> str:
        ident = f", ID {self.identifier}" if self.identifier else ""
        return f"{self.name}, born {self.date_of_birth.isoformat()} ({self.age} y){ident}"


@dataclass(frozen=True)
class SoapNote:
    patient: PatientIdentity
    assessment_date: date
    clinician: str
    signed: bool
    affected_side: str
    sections: tuple[SoapSection, ...]
    rule_set_version: str
    sources: tuple[str, ...]
    defaults: tuple[str, ...]  # product defaults [D] the note relies on, labelled as such
    # Signature (signer, time, SHA-256 of the content) and addenda of a signed note.
    trail: RecordTrail | None = None
