"""Migration 0008: draft documents move to schema version 2; signed notes stay as stored.

The database is made with version-1 documents (drafts and signed notes, with their audit
entries), taken back to revision 0007, then opened by the app, which migrates it to head.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from alembic import command
from sqlalchemy import create_engine, text

from clinic_app.app import build_services
from clinic_app.storage.database import Database
from clinic_app.storage.migrator import alembic_config
from tests.records.helpers import started_draft

OLD = "0007_local_clinician"


def _rows(url: str) -> dict[int, tuple[str, int, str, str | None]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT id, status, schema_version, document, content_hash FROM assessments"
            )).all()
    finally:
        engine.dispose()
    return {row[0]: tuple(row[1:]) for row in rows}


def a_database_at_0007_with_version_1_documents(url: str) -> tuple[int, int]:
    database = Database.open(url)
    try:
        services = build_services(database)
        ids = []
        for finding in ("signed", "draft"):
            draft = started_draft(services)
            version_1 = draft.assessment.model_copy(update={
                "schema_version": 1, "referral": f"{finding}: Ñúñez follow-up",
            })
            saved = services.assessments.save_draft(draft.id, version_1, draft.version)
            ids.append(saved.id)
        services.signing.sign(ids[0], None)
    finally:
        database.close()
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), OLD)
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) == OLD
    finally:
        engine.dispose()
    return ids[0], ids[1]


def test_drafts_are_upgraded_and_signed_notes_keep_verifying(database_url: str) -> None:
    signed_id, draft_id = a_database_at_0007_with_version_1_documents(database_url)
    before = _rows(database_url)
    assert before[signed_id][:2] == ("signed", 1) and before[draft_id][:2] == ("draft", 1)

    database = Database.open(database_url)  # migrates 0007 -> head
    try:
        services = build_services(database)
        verification = services.audit.verify()
        draft = services.assessments.load(draft_id)
        signed = services.assessments.load(signed_id)
    finally:
        database.close()
    after = _rows(database_url)

    assert verification.intact, verification.problems
    assert after[signed_id] == before[signed_id]  # byte for byte, hash included
    status, version, document, _ = after[draft_id]
    assert (status, version, json.loads(document)["schema_version"]) == ("draft", 2, 2)
    unchanged = {**json.loads(before[draft_id][2]), "schema_version": 2}
    assert json.loads(document) == unchanged
    assert draft.assessment.schema_version == 2
    assert draft.assessment.referral == "draft: Ñúñez follow-up"
    assert signed.assessment.schema_version == 1


def test_audit_verify_is_clean_after_the_migration_in_another_process(
    database_url: str,
) -> None:
    """`clinic-app audit verify` in a second process (another hash seed): clean."""
    a_database_at_0007_with_version_1_documents(database_url)
    Database.open(database_url).close()
    environment = {**os.environ, "PYTHONHASHSEED": "7"}
    result = subprocess.run(
        [sys.executable, "-m", "clinic_app", "--database", database_url, "audit", "verify"],
        capture_output=True, text=True, env=environment, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
