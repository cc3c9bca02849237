"""The episode of care: each assessment's visit kind and follow-up date (issue 13).

A table beside ``assessments`` rather than new columns on it: signed rows cannot be
updated (guard triggers), so columns could not be filled for them. Existing assessments
become visits: a patient's first is the initial assessment, the later ones follow-ups;
the follow-up date is read from the stored document.

Revision ID: 0009_episode_of_care
Revises: 0008_assessment_schema_2
Create Date: 2026-12-10
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "0009_episode_of_care"
down_revision: str | None = "0008_assessment_schema_2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    visits = op.create_table(
        "visits",
        sa.Column("assessment_id", sa.Integer(),
                  sa.ForeignKey("assessments.id", ondelete="CASCADE",
                                name="fk_visits_assessment_id_assessments"),
                  nullable=False),
        sa.Column("patient_id", sa.Integer(),
                  sa.ForeignKey("patients.id", ondelete="CASCADE",
                                name="fk_visits_patient_id_patients"),
                  nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("follow_up_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("assessment_id", name="pk_visits"),
    )
    op.create_index("ix_visits_follow_up_date", "visits", ["follow_up_date"])
    op.create_index("ix_visits_patient_id_visit_date", "visits", ["patient_id", "visit_date"])
    rows = op.get_bind().execute(sa.text(
        "SELECT id, patient_id, assessment_date, document FROM assessments "
        "ORDER BY patient_id, assessment_date, id"
    ))
    seen: set[int] = set()
    backfill = []
    for row in rows:
        backfill.append({
            "assessment_id": row.id, "patient_id": row.patient_id,
            "visit_date": _as_date(row.assessment_date),
            "kind": "follow_up" if row.patient_id in seen else "initial",
            "follow_up_date": _follow_up_date(row.document),
        })
        seen.add(row.patient_id)
    if backfill:
        op.bulk_insert(visits, backfill)


def _as_date(value: date | str) -> date:
    """SQLite hands a plain query's dates back as text."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _follow_up_date(document: str) -> date | None:
    try:
        value = json.loads(document).get("follow_up_date")
        return date.fromisoformat(value) if isinstance(value, str) else None
    except (ValueError, AttributeError):
        return None


def downgrade() -> None:
    op.drop_table("visits")
