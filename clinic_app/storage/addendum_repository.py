"""Addenda: inserted, read, never updated or deleted (database triggers refuse both)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.domain.records.roles import User
from clinic_app.domain.records.signature import Addendum
from clinic_app.storage.clock import utc_now
from clinic_app.storage.rows import AddendumRow

_READ_BATCH = 500


class SqlAlchemyAddendumRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, assessment_id: int, text: str, author: User) -> Addendum:
        row = AddendumRow(
            assessment_id=assessment_id, text=text, author=author.username,
            author_name=author.signature_name, created_at=utc_now(),
        )
        self._session.add(row)
        self._session.flush()
        return _addendum(row)

    def for_assessment(self, assessment_id: int) -> list[Addendum]:
        rows = self._session.scalars(
            select(AddendumRow).where(AddendumRow.assessment_id == assessment_id)
            .order_by(AddendumRow.created_at, AddendumRow.id)
        )
        return [_addendum(row) for row in rows]

    def every(self) -> Iterator[Addendum]:
        """All addenda by id, read in batches (for ``audit verify``)."""
        after = 0
        while True:
            rows = list(self._session.execute(
                select(
                    AddendumRow.id, AddendumRow.assessment_id, AddendumRow.text,
                    AddendumRow.author, AddendumRow.author_name, AddendumRow.created_at,
                ).where(AddendumRow.id > after).order_by(AddendumRow.id).limit(_READ_BATCH)
            ))
            yield from (Addendum(**row._asdict()) for row in rows)
            if len(rows) < _READ_BATCH:
                return
            after = rows[-1].id


def _addendum(row: AddendumRow) -> Addendum:
    return Addendum(
        id=row.id, assessment_id=row.assessment_id, text=row.text, author=row.author,
        author_name=row.author_name, created_at=row.created_at,
    )
