"""Failed logins in a row per username, so the login throttle holds across processes and
workstations sharing the database.

Revision ID: 0006_login_throttle
Revises: 0005_tamper_evidence
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_login_throttle"
down_revision: str | None = "0005_tamper_evidence"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("username", name="pk_login_failures"),
    )


def downgrade() -> None:
    op.drop_table("login_failures")
