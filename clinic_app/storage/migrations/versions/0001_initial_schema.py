"""Patients, their search words, and assessments as versioned JSON documents.

Revision ID: 0001_initial
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _search_key() -> sa.types.TypeEngine[str]:
    # Binary order on PostgreSQL too, so prefix ranges are correct and indexable.
    return sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_name", sa.String(200), nullable=False),
        sa.Column("given_names", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(20), nullable=False),
        sa.Column("identifier", sa.String(100), nullable=True),
        sa.Column("phone", sa.String(50), nullable=True),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("address", sa.String(500), nullable=True),
        sa.Column("family_key", _search_key(), nullable=False),
        sa.Column("given_key", _search_key(), nullable=False),
        sa.Column("identifier_key", _search_key(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_patients"),
    )
    op.create_index("ix_patients_date_of_birth", "patients", ["date_of_birth"])
    op.create_index("ix_patients_identifier_key", "patients", ["identifier_key"])
    op.create_index(
        "ix_patients_family_key_given_key_id", "patients", ["family_key", "given_key", "id"]
    )

    op.create_table(
        "patient_search_terms",
        sa.Column("term", _search_key(), nullable=False),
        sa.Column("family_key", _search_key(), nullable=False),
        sa.Column("given_key", _search_key(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"],
            name="fk_patient_search_terms_patient_id_patients", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "term", "family_key", "given_key", "patient_id", name="pk_patient_search_terms"
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_patient_search_terms_patient_id_term", "patient_search_terms",
        ["patient_id", "term"],
    )

    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("assessment_date", sa.Date(), nullable=False),
        sa.Column("clinician", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"],
            name="fk_assessments_patient_id_patients", ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
    )
    op.create_index("ix_assessments_status", "assessments", ["status"])
    op.create_index(
        "ix_assessments_patient_id_assessment_date", "assessments",
        ["patient_id", "assessment_date"],
    )


def downgrade() -> None:
    op.drop_table("assessments")
    op.drop_table("patient_search_terms")
    op.drop_table("patients")
