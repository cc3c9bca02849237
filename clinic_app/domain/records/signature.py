"""A signature on an assessment, and an addendum to a signed one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MAX_ADDENDUM_LENGTH = 10_000


class AddendumError(ValueError):
    """An addendum's text is empty or too long."""


@dataclass(frozen=True)
class Signature:
    """Who signed (and, for a student's note, who submitted it), when, and the content hash."""

    signed_by: str
    signer_name: str
    signed_at: datetime
    content_hash: str
    submitted_by: str | None = None
    submitter_name: str | None = None


@dataclass(frozen=True)
class Submission:
    """A student's note submitted for co-signature."""

    submitted_by: str
    submitter_name: str


@dataclass(frozen=True)
class Addendum:
    """A correction or later remark on a signed assessment; never changed once written."""

    id: int
    assessment_id: int
    text: str
    author: str
    author_name: str
    created_at: datetime


def check_addendum_text(text: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise AddendumError("addendum text is empty: write the correction or remark")
    if len(cleaned) > MAX_ADDENDUM_LENGTH:
        raise AddendumError(
            f"addendum text has {len(cleaned)} characters: at most {MAX_ADDENDUM_LENGTH} allowed"
        )
    return cleaned


@dataclass(frozen=True)
class RecordTrail:
    """What the note prints under the clinical content: the signature and the addenda."""

    signature: Signature | None
    addenda: tuple[Addendum, ...] = ()
