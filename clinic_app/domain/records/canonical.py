"""The canonical content of a signed assessment and its SHA-256.

Canonical JSON, so that anyone can recompute the hash from the stored record:

* one object ``{"assessment": ..., "patient": ..., "patient_id": ..., "signed_at": ...,
  "signed_by": ..., "submitted_by": ...}``; ``submitted_by`` is the student whose note was
  co-signed, or null;
* the assessment is the pydantic document in JSON mode with ``exclude_none`` (a finding not
  assessed is absent, never ``null``) and ``status`` already ``"signed"``;
* ``patient`` is the patient as they stood at signing (name, date of birth, sex,
  identifier, contact), the same JSON mode; the note prints this snapshot, so editing
  the patient later never changes a signed note;
* every set (pain regions, activities, ...) is a list sorted by each member's JSON text
  (see ``DomainModel``); every other list keeps its order, which is part of the content;
* ``signed_at`` is ISO 8601 in UTC with microseconds and ``+00:00``;
* keys sorted at every level, separators ``,`` and ``:`` with no whitespace, non-ASCII
  characters written as themselves, encoded as UTF-8.

Notes signed before the patient snapshot existed (schema revision 0005) were hashed
without ``patient`` and with sets in the order their process happened to hold them;
that order is the one stored in their document, so ``legacy_signed_content`` recomputes
their hash from the stored JSON as written.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.patient import Patient


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no insignificant whitespace, UTF-8."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def utc_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def signed_content(
    assessment: Assessment,
    patient_id: int,
    patient: Patient,
    signed_by: str,
    signed_at: datetime,
    submitted_by: str | None = None,
) -> bytes:
    """The bytes whose SHA-256 is the assessment's content hash."""
    document = assessment.model_copy(update={"status": AssessmentStatus.SIGNED})
    return canonical_json({
        "assessment": document.model_dump(mode="json", exclude_none=True),
        "patient": patient.model_dump(mode="json", exclude_none=True),
        "patient_id": patient_id,
        "signed_at": utc_iso(signed_at),
        "signed_by": signed_by,
        "submitted_by": submitted_by,
    })


def content_hash(
    assessment: Assessment,
    patient_id: int,
    patient: Patient,
    signed_by: str,
    signed_at: datetime,
    submitted_by: str | None = None,
) -> str:
    """Lower-case hex SHA-256 of ``signed_content``."""
    content = signed_content(assessment, patient_id, patient, signed_by, signed_at, submitted_by)
    return hashlib.sha256(content).hexdigest()


def legacy_content_hash(
    stored_document: str,
    patient_id: int,
    signed_by: str,
    signed_at: datetime,
    submitted_by: str | None = None,
) -> str:
    """The content hash of a note signed before revision 0005, from its stored JSON."""
    document = json.loads(stored_document)
    document["status"] = AssessmentStatus.SIGNED.value
    return hashlib.sha256(canonical_json({
        "assessment": document,
        "patient_id": patient_id,
        "signed_at": utc_iso(signed_at),
        "signed_by": signed_by,
        "submitted_by": submitted_by,
    })).hexdigest()
