"""The append-only audit log and its hash chain.

Appending locks the single chain-head row first (``SELECT ... FOR UPDATE`` on
PostgreSQL; on SQLite every transaction already holds the write lock from its
``BEGIN IMMEDIATE``), so concurrent workstations append one after another and the
chain stays linear: no two entries can claim the same predecessor.

Entries are hashed with the audit key (HMAC-SHA-256) and the head is sealed with it;
the key comes from ``AuditKeyContext``, read from its file by ``Database.open``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select, update
from sqlalchemy.orm import Session

from clinic_app.domain.records.audit import (
    AuditAction,
    AuditEntry,
    AuditEvent,
    ChainHead,
    entry_hash,
)
from clinic_app.domain.records.keyed import AuditKeyRecord, head_seal
from clinic_app.domain.records.verification import AuditKeyState
from clinic_app.storage.audit_key import AuditKeyError, AuditKeyFile
from clinic_app.storage.clock import utc_now
from clinic_app.storage.guard_triggers import missing_guard_triggers
from clinic_app.storage.rows import AuditChainHeadRow, AuditEntryRow, AuditKeyRow

HEAD_ROW_ID = 1
_READ_BATCH = 1000
_ENTRY_COLUMNS = (
    AuditEntryRow.sequence, AuditEntryRow.occurred_at, AuditEntryRow.username,
    AuditEntryRow.action, AuditEntryRow.entity_type, AuditEntryRow.entity_id,
    AuditEntryRow.previous_hash, AuditEntryRow.entry_hash, AuditEntryRow.detail,
)


@dataclass(frozen=True)
class AuditKeyContext:
    """The key (None: its file is missing, so nothing can be appended), its file (None for
    an in-memory database, whose key lives only as long as the process) and the chain id."""

    key: bytes | None
    key_file: AuditKeyFile | None
    chain_id: str | None

    @property
    def location(self) -> str:
        return str(self.key_file.path) if self.key_file is not None else "memory"


class SqlAlchemyAuditLog:
    def __init__(self, session: Session, keys: AuditKeyContext) -> None:
        self._session = session
        self._keys = keys
        self.appended: ChainHead | None = None  # the newest entry this unit of work wrote

    def append(self, event: AuditEvent) -> AuditEntry:
        key = self._keys.key
        if key is None:
            raise AuditKeyError(
                f"the audit key is missing (expected at {self._keys.location}): "
                "nothing can be recorded until it is restored"
            )
        head = self._session.execute(
            select(AuditChainHeadRow.sequence, AuditChainHeadRow.last_hash)
            .where(AuditChainHeadRow.id == HEAD_ROW_ID)
            .with_for_update()
        ).one()
        sequence = head.sequence + 1
        # Microsecond precision survives both engines, so the hash recomputes exactly.
        occurred_at = utc_now()
        digest = entry_hash(
            sequence, occurred_at, event.username, event.action.value,
            event.entity_type.value, event.entity_id, head.last_hash, event.detail, key,
        )
        entry = AuditEntry(
            sequence=sequence, occurred_at=occurred_at, username=event.username,
            action=event.action.value, entity_type=event.entity_type.value,
            entity_id=event.entity_id, previous_hash=head.last_hash, entry_hash=digest,
            detail=event.detail,
        )
        self._session.add(AuditEntryRow(**entry.__dict__))
        self._session.execute(
            update(AuditChainHeadRow).where(AuditChainHeadRow.id == HEAD_ROW_ID)
            .values(sequence=sequence, last_hash=digest, seal=head_seal(key, sequence, digest))
            .execution_options(synchronize_session=False)
        )
        self._session.flush()
        self.appended = ChainHead(sequence, digest)
        return entry

    def last_logged(
        self, username: str, action: AuditAction, entity_type: str, entity_id: int
    ) -> datetime | None:
        return self._session.scalar(
            select(AuditEntryRow.occurred_at)
            .where(
                AuditEntryRow.entity_type == entity_type,
                AuditEntryRow.entity_id == entity_id,
                AuditEntryRow.action == action.value,
                AuditEntryRow.username == username,
            )
            .order_by(AuditEntryRow.sequence.desc())
            .limit(1)
        )

    def entries(self) -> Iterator[AuditEntry]:
        after = 0
        while True:
            rows = list(self._session.execute(
                select(*_ENTRY_COLUMNS).where(AuditEntryRow.sequence > after)
                .order_by(AuditEntryRow.sequence).limit(_READ_BATCH)
            ))
            yield from (_entry(row) for row in rows)
            if len(rows) < _READ_BATCH:
                return
            after = rows[-1].sequence

    def entries_for(self, entity_type: str, entity_id: int) -> list[AuditEntry]:
        """One entity's entries in sequence order, found through the (type, id) index."""
        rows = self._session.execute(
            select(*_ENTRY_COLUMNS)
            .where(AuditEntryRow.entity_type == entity_type, AuditEntryRow.entity_id == entity_id)
            .order_by(AuditEntryRow.sequence)
        )
        return [_entry(row) for row in rows]

    def head(self) -> ChainHead:
        found = self._session.execute(
            select(AuditChainHeadRow.sequence, AuditChainHeadRow.last_hash, AuditChainHeadRow.seal)
            .where(AuditChainHeadRow.id == HEAD_ROW_ID)
        ).one()
        return ChainHead(found.sequence, found.last_hash, found.seal)

    def key_state(self) -> AuditKeyState:
        record = read_key_record(self._session)
        key_file, chain_id = self._keys.key_file, self._keys.chain_id
        witness = (
            key_file.read_witness(chain_id)
            if key_file is not None and chain_id is not None else None
        )
        return AuditKeyState(
            key=self._keys.key, key_location=self._keys.location, record=record,
            witness=witness,
            witness_location=(
                str(key_file.witness_file(chain_id))
                if key_file is not None and chain_id is not None else "none"
            ),
        )

    def missing_guard_triggers(self) -> list[str]:
        return missing_guard_triggers(self._session.connection())


def read_key_record(session: Session, *, for_update: bool = False) -> AuditKeyRecord | None:
    statement = select(
        AuditKeyRow.chain_id, AuditKeyRow.keyed_from, AuditKeyRow.fingerprint, AuditKeyRow.seal
    ).where(AuditKeyRow.id == HEAD_ROW_ID)
    if for_update:
        statement = statement.with_for_update()
    found = session.execute(statement).one_or_none()
    if found is None:
        return None
    return AuditKeyRecord(found.chain_id, found.keyed_from, found.fingerprint, found.seal)


def _entry(row: Row[Any]) -> AuditEntry:
    return AuditEntry(
        sequence=row.sequence, occurred_at=row.occurred_at, username=row.username,
        action=row.action, entity_type=row.entity_type, entity_id=row.entity_id,
        previous_hash=row.previous_hash, entry_hash=row.entry_hash, detail=row.detail,
    )
