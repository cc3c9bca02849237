"""The audit trail: who did what to which record, when, chained by keyed hashes.

An entry holds only the user, the time, the action, the entity's type and id and a
short detail (the files of a restore, the content hash of a signature, the digest of an
addendum): never a patient's name or a finding. Each entry's hash covers its own fields
and the previous entry's hash, so editing an entry breaks its own hash and removing one
breaks the next entry's link (and the running sequence number shows the gap).

Since revision 0005 the hash is an HMAC-SHA-256 with the audit key kept outside the
database (see ``keyed``), so write access to the database alone cannot make a valid
entry. Entries written before then keep their plain SHA-256; the first keyed entry links
to the last of them, which anchors them too.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from clinic_app.domain.records.canonical import canonical_json, utc_iso

GENESIS_HASH = "0" * 64

# Autosave writes after every pause in typing; one "changed" entry per assessment, user
# and minute keeps the log readable and small while still saying who edited and when.
CHANGE_COALESCING_WINDOW = timedelta(minutes=1)


class AuditAction(StrEnum):
    CREATED = "created"
    CHANGED = "changed"
    SUBMITTED = "submitted_for_co_signature"
    SIGNED = "signed"
    CO_SIGNED = "co_signed"
    ADDENDUM = "addendum_added"
    EXPORTED = "exported"
    DRAFT_DELETED = "draft_deleted"
    CONFLICT_KEPT_MINE = "conflict_kept_mine"
    CONFLICT_TOOK_THEIRS = "conflict_took_theirs"
    MERGED = "merged"
    FINDING_RESTORED = "finding_restored_from_version"
    USER_ADDED = "user_added"
    PASSWORD_SET = "password_set"
    CLINICIAN_NAMED = "local_clinician_named"
    RESTORED = "database_restored"
    KEY_INTRODUCED = "audit_key_introduced"
    PATIENT_ERASED = "patient_erased"


class EntityType(StrEnum):
    PATIENT = "patient"
    ASSESSMENT = "assessment"
    USER = "user"
    DATABASE = "database"


@dataclass(frozen=True)
class AuditEvent:
    """What a service reports; storage adds the sequence number, time and hashes."""

    username: str
    action: AuditAction
    entity_type: EntityType
    entity_id: int | None
    detail: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    sequence: int
    occurred_at: datetime
    username: str
    action: str
    entity_type: str
    entity_id: int | None
    previous_hash: str
    entry_hash: str
    detail: str | None = None

    def describe(self) -> str:
        target = f"{self.entity_type} {self.entity_id}" if self.entity_id is not None else (
            self.entity_type
        )
        detail = f": {self.detail}" if self.detail is not None else ""
        return (
            f"entry {self.sequence} ({utc_iso(self.occurred_at)}, {self.username}, "
            f"{self.action} {target}{detail})"
        )


def entry_hash(
    sequence: int,
    occurred_at: datetime,
    username: str,
    action: str,
    entity_type: str,
    entity_id: int | None,
    previous_hash: str,
    detail: str | None = None,
    key: bytes | None = None,
) -> str:
    """HMAC-SHA-256 with ``key``; plain SHA-256 (entries before revision 0005) without."""
    fields: dict[str, object] = {
        "sequence": sequence,
        "occurred_at": utc_iso(occurred_at),
        "username": username,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "previous_hash": previous_hash,
    }
    if detail is not None:  # absent, not null, so entries written before details keep their hash
        fields["detail"] = detail
    content = canonical_json(fields)
    if key is None:
        return hashlib.sha256(content).hexdigest()
    return hmac.new(key, content, hashlib.sha256).hexdigest()


def recomputed_hash(entry: AuditEntry, key: bytes | None = None) -> str:
    return entry_hash(
        entry.sequence, entry.occurred_at, entry.username, entry.action,
        entry.entity_type, entry.entity_id, entry.previous_hash, entry.detail, key,
    )


@dataclass(frozen=True)
class ChainHead:
    """The last sequence number and hash, kept apart from the entries so that removing the
    newest entries is noticed too; ``seal`` (keyed, see ``keyed.head_seal``) makes setting
    it back to an earlier entry detectable without the key."""

    sequence: int
    last_hash: str
    seal: str | None = None


def range_text(first: int, last: int) -> str:
    return f"entry {first}" if first == last else f"entries {first}-{last}"


def change_is_coalesced(last_logged: datetime | None, now: datetime) -> bool:
    """True when a "changed" entry by the same user for the same assessment is recent enough."""
    return last_logged is not None and now - last_logged < CHANGE_COALESCING_WINDOW
