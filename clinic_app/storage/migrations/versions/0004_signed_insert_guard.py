"""A row cannot be inserted as signed without its signature, by SQL either.

0002 guards updates and deletes; an INSERT of a row claiming status 'signed' with no
signer, time or content hash would otherwise create a note that looks signed and is
then locked for ever. SQLite: a BEFORE INSERT trigger; PostgreSQL: a trigger function.

Revision ID: 0004_signed_insert_guard
Revises: 0003_audit_detail
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004_signed_insert_guard"
down_revision: str | None = "0003_audit_detail"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "a signed assessment needs its signer, time and content hash"
INCOMPLETE = (
    "NEW.status = 'signed' AND (NEW.signed_by IS NULL OR NEW.signed_at IS NULL "
    "OR NEW.content_hash IS NULL)"
)

SQLITE_UP = (
    f"""
    CREATE TRIGGER assessments_signed_insert_complete BEFORE INSERT ON assessments
    WHEN {INCOMPLETE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
)
SQLITE_DOWN = ("DROP TRIGGER assessments_signed_insert_complete",)

POSTGRESQL_UP = (
    f"""
    CREATE FUNCTION clinic_require_signature_on_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF {INCOMPLETE} THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER assessments_signed_insert_complete BEFORE INSERT ON assessments
    FOR EACH ROW EXECUTE FUNCTION clinic_require_signature_on_insert()
    """,
)
POSTGRESQL_DOWN = (
    "DROP TRIGGER assessments_signed_insert_complete ON assessments",
    "DROP FUNCTION clinic_require_signature_on_insert()",
)


def upgrade() -> None:
    sqlite = op.get_context().dialect.name == "sqlite"
    for statement in SQLITE_UP if sqlite else POSTGRESQL_UP:
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_context().dialect.name == "sqlite"
    for statement in SQLITE_DOWN if sqlite else POSTGRESQL_DOWN:
        op.execute(statement)
