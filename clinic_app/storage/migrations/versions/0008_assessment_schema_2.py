"""Draft assessments move to document schema version 2 (issue 11).

Version 2 only adds optional findings, so a version-1 document is a valid version-2
document once it says so: each draft's ``schema_version`` (column and JSON) becomes 2 and
nothing else in the document changes. Signed, submitted and history documents stay as
they were stored: their content hash and the audit chain keep verifying, and the app
reads version 1 unchanged.

Revision ID: 0008_assessment_schema_2
Revises: 0007_local_clinician
Create Date: 2026-12-06
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_assessment_schema_2"
down_revision: str | None = "0007_local_clinician"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

assessments = sa.table(
    "assessments",
    sa.column("id", sa.Integer()),
    sa.column("status", sa.String()),
    sa.column("schema_version", sa.Integer()),
    sa.column("document", sa.Text()),
)


def upgrade() -> None:
    connection = op.get_bind()
    drafts = connection.execute(
        sa.select(assessments.c.id, assessments.c.document)
        .where(assessments.c.status == "draft", assessments.c.schema_version == 1)
    ).all()
    for row_id, document in drafts:
        connection.execute(
            assessments.update().where(assessments.c.id == row_id)
            .values(schema_version=2, document=_at_version(document, 2))
        )


def downgrade() -> None:
    """Version-2 drafts stay version 2: findings recorded since cannot be expressed in 1."""


def _at_version(document: str, version: int) -> str:
    """The JSON document with its version changed, written as the app writes documents
    (pydantic's compact JSON, non-ASCII kept, key order unchanged)."""
    data = json.loads(document)
    data["schema_version"] = version
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
