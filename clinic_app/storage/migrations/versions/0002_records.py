"""Records a clinic can trust: users, signatures, addenda, audit chain, superseded versions.

Signed assessments, addenda and audit entries are protected by triggers, so that
no SQL client (not only this app) can change or delete them: SQLite triggers that
RAISE(ABORT), PostgreSQL trigger functions that RAISE EXCEPTION. The one change a
signed row ever sees is the transition into "signed" itself, which must carry the
signer, the time and the content hash.

Revision ID: 0002_records
Revises: 0001_initial
Create Date: 2025-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_records"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS_HASH = "0" * 64
SIGNED = "signed"

SQLITE_TRIGGERS = (
    f"""
    CREATE TRIGGER assessments_signed_refuse_update BEFORE UPDATE ON assessments
    WHEN OLD.status = '{SIGNED}'
    BEGIN SELECT RAISE(ABORT, 'assessment is signed: it cannot be changed, add an addendum');
    END
    """,
    f"""
    CREATE TRIGGER assessments_signed_refuse_delete BEFORE DELETE ON assessments
    WHEN OLD.status = '{SIGNED}'
    BEGIN SELECT RAISE(ABORT, 'assessment is signed: it cannot be deleted'); END
    """,
    f"""
    CREATE TRIGGER assessments_signature_complete BEFORE UPDATE ON assessments
    WHEN NEW.status = '{SIGNED}' AND (NEW.signed_by IS NULL OR NEW.signed_at IS NULL
        OR NEW.content_hash IS NULL)
    BEGIN SELECT RAISE(ABORT, 'a signed assessment needs its signer, time and content hash');
    END
    """,
    """
    CREATE TRIGGER addenda_refuse_update BEFORE UPDATE ON addenda
    BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END
    """,
    """
    CREATE TRIGGER addenda_refuse_delete BEFORE DELETE ON addenda
    BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END
    """,
    """
    CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
    """,
    """
    CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
    """,
)

POSTGRESQL_TRIGGERS = (
    f"""
    CREATE FUNCTION clinic_guard_signed_assessment() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF OLD.status = '{SIGNED}' THEN
            RAISE EXCEPTION 'assessment % is signed: it cannot be changed or deleted', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        IF NEW.status = '{SIGNED}' AND (NEW.signed_by IS NULL OR NEW.signed_at IS NULL
                OR NEW.content_hash IS NULL) THEN
            RAISE EXCEPTION 'a signed assessment needs its signer, time and content hash'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER assessments_guard_signed BEFORE UPDATE OR DELETE ON assessments
    FOR EACH ROW EXECUTE FUNCTION clinic_guard_signed_assessment()
    """,
    """
    CREATE FUNCTION clinic_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END
    $$
    """,
    """
    CREATE TRIGGER addenda_append_only BEFORE UPDATE OR DELETE ON addenda
    FOR EACH ROW EXECUTE FUNCTION clinic_refuse_change()
    """,
    """
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION clinic_refuse_change()
    """,
    # TRUNCATE bypasses row triggers; refuse it with a statement trigger.
    """
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION clinic_refuse_change()
    """,
    """
    CREATE TRIGGER addenda_no_truncate BEFORE TRUNCATE ON addenda
    FOR EACH STATEMENT EXECUTE FUNCTION clinic_refuse_change()
    """,
)


def _timestamp() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("registration_number", sa.String(60), nullable=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("updated_at", _timestamp(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )

    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("created_by", sa.String(40), nullable=True))
        batch.add_column(sa.Column("signed_by", sa.String(40), nullable=True))
        batch.add_column(sa.Column("signer_name", sa.String(270), nullable=True))
        batch.add_column(sa.Column("signed_at", _timestamp(), nullable=True))
        batch.add_column(sa.Column("content_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("submitted_by", sa.String(40), nullable=True))
        batch.add_column(sa.Column("submitter_name", sa.String(270), nullable=True))
    op.create_index("ix_assessments_updated_at", "assessments", ["updated_at"])
    op.create_index("ix_assessments_created_by", "assessments", ["created_by"])
    op.create_index("ix_patients_updated_at", "patients", ["updated_at"])

    op.create_table(
        "addenda",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(40), nullable=False),
        sa.Column("author_name", sa.String(270), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessments.id"],
            name="fk_addenda_assessment_id_assessments", ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_addenda"),
    )
    op.create_index("ix_addenda_assessment_id", "addenda", ["assessment_id"])

    op.create_table(
        "assessment_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("kept_by", sa.String(40), nullable=False),
        sa.Column("kept_at", _timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessments.id"],
            name="fk_assessment_versions_assessment_id_assessments", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_assessment_versions"),
    )
    op.create_index(
        "ix_assessment_versions_assessment_id", "assessment_versions", ["assessment_id"]
    )

    op.create_table(
        "audit_log",
        sa.Column("sequence", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("occurred_at", _timestamp(), nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity_type", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("sequence", name="pk_audit_log"),
    )
    op.create_index(
        "ix_audit_log_entity_type_entity_id", "audit_log", ["entity_type", "entity_id"]
    )

    head = op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_chain_head"),
    )
    op.bulk_insert(head, [{"id": 1, "sequence": 0, "last_hash": GENESIS_HASH}])

    dialect = op.get_context().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRESQL_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS assessments_guard_signed ON assessments")
        op.execute("DROP FUNCTION IF EXISTS clinic_guard_signed_assessment()")
    else:
        for name in ("assessments_signed_refuse_update", "assessments_signed_refuse_delete",
                     "assessments_signature_complete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("audit_chain_head")
    op.drop_table("audit_log")
    op.drop_table("assessment_versions")
    op.drop_table("addenda")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS clinic_refuse_change()")
    op.drop_index("ix_patients_updated_at", table_name="patients")
    op.drop_index("ix_assessments_created_by", table_name="assessments")
    op.drop_index("ix_assessments_updated_at", table_name="assessments")
    with op.batch_alter_table("assessments") as batch:
        for column in ("submitter_name", "submitted_by", "content_hash", "signed_at",
                       "signer_name", "signed_by", "created_by"):
            batch.drop_column(column)
    op.drop_table("users")
