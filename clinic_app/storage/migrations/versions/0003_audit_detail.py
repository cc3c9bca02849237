"""Audit entries get an optional detail: a restore names the backup and the safety copy.

A plain ADD COLUMN on both engines: SQLite adds it in place (no table copy, so the
append-only triggers stay), and existing entries keep their hashes because a null
detail is left out of the hashed fields.

Revision ID: 0003_audit_detail
Revises: 0002_records
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_audit_detail"
down_revision: str | None = "0002_records"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("detail", sa.Text(), nullable=True))


def downgrade() -> None:
    # Not in a batch: copying the table would drop SQLite's append-only triggers with it.
    op.drop_column("audit_log", "detail")
