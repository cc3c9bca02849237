"""The canonical content of a signed assessment and its SHA-256.

Canonical JSON, so that anyone can recompute the hash from the stored record:

* one object ``{"assessment": ..., "patient_id": ..., "signed_at": ..., "signed_by": ...,
  "submitted_by": ...}``; ``submitted_by`` is the student whose note was co-signed, or null;
* the assessment is the pydantic document in JSON mode with ``exclude_none`` (a finding not
  assessed is absent, never ``null``) and ``status`` already ``"signed"``;
* ``signed_at`` is ISO 8601 in UTC with microseconds and ``+00:00``;
* keys sorted at every level, separators ``,`` and ``:`` with no whitespace, non-ASCII
  characters written as themselves, encoded as UTF-8.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from clinic_app.domain.assessment import Assessment, AssessmentStatus


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
    signed_by: str,
    signed_at: datetime,
    submitted_by: str | None = None,
) -> bytes:
    """The bytes whose SHA-256 is the assessment's content hash."""
    document = assessment.model_copy(update={"status": AssessmentStatus.SIGNED})
    return canonical_json({
        "assessment": document.model_dump(mode="json", exclude_none=True),
        "patient_id": patient_id,
        "signed_at": utc_iso(signed_at),
        "signed_by": signed_by,
        "submitted_by": submitted_by,
    })


def content_hash(
    assessment: Assessment,
    patient_id: int,
    signed_by: str,
    signed_at: datetime,
    submitted_by: str | None = None,
) -> str:
    """Lower-case hex SHA-256 of ``signed_content``."""
    content = signed_content(assessment, patient_id, signed_by, signed_at, submitted_by)
    return hashlib.sha256(content).hexdigest()
