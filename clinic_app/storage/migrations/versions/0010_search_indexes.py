"""Short prefixes of every search word, each in name order (issue 16).

The first 200 patients, in name order, with a word starting with "m" were found by
sorting every word starting with "m" (a million among a million patients). Each
one-, two- and three-letter prefix of every word now has its own rows, whose primary
key keeps them in name order, so such a search reads just the first rows of one prefix.
Existing words are split here, in SQL, on SQLite and PostgreSQL alike.

Revision ID: 0010_search_indexes
Revises: 0009_episode_of_care
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_search_indexes"
down_revision: str | None = "0009_episode_of_care"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PREFIX_LENGTHS = (1, 2, 3)  # clinic_app.storage.patient_search.SHORT_PREFIX_LENGTH


def _search_key() -> sa.types.TypeEngine[str]:
    return sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "patient_search_prefixes",
        sa.Column("prefix", _search_key(), nullable=False),
        sa.Column("family_key", _search_key(), nullable=False),
        sa.Column("given_key", _search_key(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"],
            name="fk_patient_search_prefixes_patient_id_patients", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "prefix", "family_key", "given_key", "patient_id",
            name="pk_patient_search_prefixes",
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_patient_search_prefixes_patient_id", "patient_search_prefixes", ["patient_id"]
    )
    prefixes = " UNION ".join(
        f"SELECT substr(term, 1, {length}), family_key, given_key, patient_id "
        "FROM patient_search_terms"
        for length in PREFIX_LENGTHS
    )
    op.execute(
        "INSERT INTO patient_search_prefixes (prefix, family_key, given_key, patient_id) "
        + prefixes
    )


def downgrade() -> None:
    op.drop_index("ix_patient_search_prefixes_patient_id", "patient_search_prefixes")
    op.drop_table("patient_search_prefixes")
