"""A signature on an assessment, and an addendum to a signed one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clinic_app.domain.records.audit import ChainHead

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
    """What the note prints under the clinical content: the signature, the addenda and,
    for a signed note, the audit chain's head when it was exported (a witness that
    ``clinic-app audit verify --witness`` can later check the log against)."""

    signature: Signature | None
    addenda: tuple[Addendum, ...] = ()
    chain_head: ChainHead | None = None

    @property
    def witness(self) -> str | None:
        """The chain head as printed and as ``--witness`` takes it: ``SEQUENCE:HASH``."""
        head = self.chain_head
        return None if head is None else f"{head.sequence}:{head.last_hash}"
