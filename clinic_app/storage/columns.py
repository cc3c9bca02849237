"""Column types shared by the rows and the migrations."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Dialect, Text
from sqlalchemy.types import TypeDecorator, TypeEngine


def search_key_type() -> TypeEngine[str]:
    """A normalised key compared in code-point order on every engine.

    Prefix search uses ``key >= prefix AND key < next(prefix)``; that range is only
    right (and only served by the index) under a binary collation. SQLite's default
    is binary; PostgreSQL's follows the cluster locale, so ask for "C" there.
    """
    return Text().with_variant(Text(collation="C"), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
