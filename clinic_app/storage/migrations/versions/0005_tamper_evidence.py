"""Tamper evidence that survives write access to the database.

* ``assessments.signed_patient``: the patient as they stood at signing (JSON), part of
  the signed content, so later demographic edits never change a signed note;
* ``audit_key``: one row naming this chain (``chain_id``, for the witness file), the
  first entry hashed with the audit key (``keyed_from``: entries before it keep their
  SHA-256, and the first keyed entry anchors them), and, once the app first opens the
  database with its key, the key's fingerprint and a keyed seal over the row;
* ``audit_chain_head.seal``: a keyed seal over the head, so it cannot be set back by hand;
* guard triggers on ``audit_key``, and every other guard trigger re-created if missing.

Existing entries are not re-chained: re-hashing them with the key would also bless any
change made to them before today. They stay verifiable as they are.

Revision ID: 0005_tamper_evidence
Revises: 0004_signed_insert_guard
Create Date: 2026-12-01
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clinic_app.storage.guard_triggers import restore_guard_triggers

revision: str = "0005_tamper_evidence"
down_revision: str | None = "0004_signed_insert_guard"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Batch mode adds a column in place on SQLite (no table copy), so the triggers stay.
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("signed_patient", sa.Text(), nullable=True))
    with op.batch_alter_table("audit_chain_head") as batch:
        batch.add_column(sa.Column("seal", sa.String(64), nullable=True))
    key_table = op.create_table(
        "audit_key",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("chain_id", sa.String(32), nullable=False),
        sa.Column("keyed_from", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=True),
        sa.Column("seal", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_key"),
    )
    head = op.get_bind().scalar(sa.text("SELECT sequence FROM audit_chain_head WHERE id = 1"))
    op.bulk_insert(key_table, [{
        "id": 1, "chain_id": secrets.token_hex(8), "keyed_from": (head or 0) + 1,
        "fingerprint": None, "seal": None,
    }])
    restore_guard_triggers(op.get_bind())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TABLE audit_key")
        op.execute("DROP FUNCTION IF EXISTS clinic_guard_audit_key()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_key_refuse_update")
        op.execute("DROP TRIGGER IF EXISTS audit_key_refuse_delete")
        op.drop_table("audit_key")
    # Not in a batch: copying the tables would drop SQLite's guard triggers with them.
    op.drop_column("audit_chain_head", "seal")
    op.drop_column("assessments", "signed_patient")
