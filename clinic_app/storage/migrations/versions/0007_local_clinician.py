"""The clinician of an installation without accounts, named once in the database.

Without accounts there is no login, and the person signing used to be "Local user".
The welcome dialog's name and registration number now live here, so the GUI, the
command line and every workstation sign with the same name.

Revision ID: 0007_local_clinician
Revises: 0006_login_throttle
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_local_clinician"
down_revision: str | None = "0006_login_throttle"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "local_clinician",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("registration_number", sa.String(60), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("local_clinician")
