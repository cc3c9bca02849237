"""The audit key's uses: its fingerprint, the seals on the chain head and on the key record,
and the facts a signing or addendum entry carries so verify can cross-check the rows.

The key (32 random bytes) lives outside the database; storage reads it and passes the
bytes in. Every keyed value is an HMAC-SHA-256 over canonical JSON that names its
purpose, so no keyed value can be replayed as another.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from clinic_app.domain.records.audit import ChainHead
from clinic_app.domain.records.canonical import canonical_json, utc_iso
from clinic_app.domain.records.signature import Addendum

KEY_LENGTH = 32


def keyed_digest(key: bytes, purpose: str, fields: dict[str, object]) -> str:
    return hmac.new(
        key, canonical_json({"purpose": purpose, **fields}), hashlib.sha256
    ).hexdigest()


def key_fingerprint(key: bytes) -> str:
    """Stored in the database: tells "not the key this database was made with" apart."""
    return keyed_digest(key, "audit key fingerprint", {})


def head_seal(key: bytes, sequence: int, last_hash: str) -> str:
    return keyed_digest(key, "audit chain head", {"last_hash": last_hash, "sequence": sequence})


def head_is_sealed(key: bytes, head: ChainHead) -> bool:
    return head.seal is not None and hmac.compare_digest(
        head.seal, head_seal(key, head.sequence, head.last_hash)
    )


@dataclass(frozen=True)
class AuditKeyRecord:
    """The database's one row about its key: which chain it is, the first keyed entry, the
    key's fingerprint (None until the key is first set) and a seal over all three."""

    chain_id: str
    keyed_from: int
    fingerprint: str | None
    seal: str | None

    def sealed_by(self, key: bytes) -> bool:
        return self.seal is not None and hmac.compare_digest(
            self.seal, key_record_seal(key, self.chain_id, self.keyed_from)
        )


def key_record_seal(key: bytes, chain_id: str, keyed_from: int) -> str:
    return keyed_digest(key, "audit key record", {
        "chain_id": chain_id, "fingerprint": key_fingerprint(key), "keyed_from": keyed_from,
    })


def signing_detail(content_hash: str, signed_by: str) -> str:
    """The detail of a signing (or co-signing) entry."""
    return _detail({"content_hash": content_hash, "signed_by": signed_by})


def addendum_digest(addendum: Addendum) -> str:
    """SHA-256 of the addendum's canonical fields: its text is never written to the log."""
    return hashlib.sha256(canonical_json({
        "assessment_id": addendum.assessment_id, "author": addendum.author,
        "author_name": addendum.author_name, "created_at": utc_iso(addendum.created_at),
        "id": addendum.id, "text": addendum.text,
    })).hexdigest()


def addendum_detail(addendum: Addendum) -> str:
    return _detail({"addendum_id": addendum.id, "addendum_sha256": addendum_digest(addendum)})


def detail_fields(detail: str | None) -> dict[str, object]:
    """The fields of a structured detail; empty for none or for free text (a restore's)."""
    if detail is None or not detail.startswith("{"):
        return {}
    try:
        parsed = json.loads(detail)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _detail(fields: dict[str, object]) -> str:
    return canonical_json(fields).decode("utf-8")
