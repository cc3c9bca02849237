"""The append-only audit log and its hash chain.

Appending locks the single chain-head row first (``SELECT ... FOR UPDATE`` on
PostgreSQL; on SQLite every transaction already holds the write lock from its
``BEGIN IMMEDIATE``), so concurrent workstations append one after another and the
chain stays linear: no two entries can claim the same predecessor.
"""

from __future__ import annotations

from collections.abc import Iterator
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
from clinic_app.storage.clock import utc_now
from clinic_app.storage.rows import AuditChainHeadRow, AuditEntryRow

HEAD_ROW_ID = 1
_READ_BATCH = 1000
_ENTRY_COLUMNS = (
    AuditEntryRow.sequence, AuditEntryRow.occurred_at, AuditEntryRow.username,
    AuditEntryRow.action, AuditEntryRow.entity_type, AuditEntryRow.entity_id,
    AuditEntryRow.previous_hash, AuditEntryRow.entry_hash, AuditEntryRow.detail,
)


class SqlAlchemyAuditLog:
    def __init__(self, session: Session) -> None:
        self._session = session

    def append(self, event: AuditEvent) -> AuditEntry:
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
            event.entity_type.value, event.entity_id, head.last_hash, event.detail,
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
            .values(sequence=sequence, last_hash=digest)
            .execution_options(synchronize_session=False)
        )
        self._session.flush()
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
            select(AuditChainHeadRow.sequence, AuditChainHeadRow.last_hash)
            .where(AuditChainHeadRow.id == HEAD_ROW_ID)
        ).one()
        return ChainHead(found.sequence, found.last_hash)


def _entry(row: Row[Any]) -> AuditEntry:
    return AuditEntry(
        sequence=row.sequence, occurred_at=row.occurred_at, username=row.username,
        action=row.action, entity_type=row.entity_type, entity_id=row.entity_id,
        previous_hash=row.previous_hash, entry_hash=row.entry_hash, detail=row.detail,
    )
