"""``audit verify`` recomputes every signed note's content hash (SQLite, real database)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clinic_app.app import Services, build_services
from clinic_app.cli import main
from clinic_app.storage.database import Database
from tests.records.helpers import clinic_users, execute, started_draft

ASSESSMENT_COLUMNS = (
    "patient_id, assessment_date, clinician, status, schema_version, version, document, "
    "created_at, updated_at, created_by, signed_by, signer_name, signed_at, content_hash, "
    "submitted_by, submitter_name, signed_patient"
)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+pysqlite:///{tmp_path / 'signed.sqlite3'}"


@pytest.fixture
def sqlite_database(sqlite_url: str) -> Iterator[Database]:
    database = Database.open(sqlite_url)
    try:
        yield database
    finally:
        database.close()


def signed_and_co_signed(services: Services) -> tuple[int, int]:
    """A clinician's signed note and a student's note co-signed by a supervisor."""
    from clinic_app.domain.records.roles import Role

    users = clinic_users(services)
    signed = started_draft(services, users[Role.CLINICIAN])
    services.signing.sign(signed.id, users[Role.CLINICIAN])
    student_note = started_draft(services, users[Role.STUDENT])
    services.signing.submit_for_co_signature(student_note.id, users[Role.STUDENT])
    services.signing.co_sign(student_note.id, users[Role.SUPERVISOR])
    return signed.id, student_note.id


def test_untouched_signed_notes_match_their_hashes(
    sqlite_database: Database, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    services = build_services(sqlite_database)
    signed_and_co_signed(services)
    started_draft(services, services.users.authenticate("cleo", "correct horse battery"))
    report = services.audit.verify()
    assert report.intact and report.signed_notes == 2  # the draft has no hash to check
    assert main(["--database", sqlite_url, "audit", "verify"]) == 0
    assert "2 signed notes and 0 addenda verified" in capsys.readouterr().out


def test_a_signed_row_inserted_by_hand_with_a_wrong_hash_is_caught(
    sqlite_database: Database, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    services = build_services(sqlite_database)
    signed_id, _ = signed_and_co_signed(services)
    # No trigger guards INSERT: copy a genuine signed row and give it a made-up hash.
    execute(
        sqlite_database,
        f"INSERT INTO assessments ({ASSESSMENT_COLUMNS}) "
        f"SELECT {ASSESSMENT_COLUMNS.replace('content_hash', ':forged')} "
        "FROM assessments WHERE id = :id",
        id=signed_id, forged="0" * 64,
    )
    report = services.audit.verify()
    assert report.signed_notes == 3
    assert report.problems == (
        "assessment 3 (signed by cleo) does not match its content hash: "
        "the note was changed after it was signed",
    )
    assert main(["--database", sqlite_url, "audit", "verify"]) == 1
    output = capsys.readouterr()
    assert "assessment 3 (signed by cleo) does not match" in output.err
    assert "NOT intact: 1 problem(s)" in output.err


def test_a_signed_note_edited_with_the_triggers_off_is_caught(
    sqlite_database: Database, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    services = build_services(sqlite_database)
    _, co_signed_id = signed_and_co_signed(services)
    execute(sqlite_database, "DROP TRIGGER assessments_signed_refuse_update")
    execute(
        sqlite_database,
        "UPDATE assessments SET document = replace(document, 'none needed', 'surgery') "
        "WHERE id = :id",
        id=co_signed_id,
    )
    problems = services.audit.verify().problems
    assert problems[0].startswith(f"assessment {co_signed_id} ")
    assert problems[1:] == (
        "guard trigger assessments_signed_refuse_update is missing: 'clinic-app db upgrade' "
        "restores it",
    )
    assert main(["--database", sqlite_url, "audit", "verify"]) == 1
    assert f"assessment {co_signed_id} (signed by sam)" in capsys.readouterr().err


def test_a_hash_on_an_unsigned_row_and_an_unreadable_document_are_named(
    sqlite_database: Database,
) -> None:
    services = build_services(sqlite_database)
    signed_id, _ = signed_and_co_signed(services)
    draft = started_draft(services, services.users.authenticate("cleo", "correct horse battery"))
    execute(sqlite_database, "UPDATE assessments SET content_hash = :h WHERE id = :id",
            h="1" * 64, id=draft.id)
    execute(sqlite_database, "DROP TRIGGER assessments_signed_refuse_update")
    execute(sqlite_database, "UPDATE assessments SET document = '{\"x\": 1}' WHERE id = :id",
            id=signed_id)
    assert services.audit.verify().problems == (
        f"assessment {signed_id} is signed but its stored document is not a valid assessment",
        f"assessment {draft.id} has a content hash but its status is 'draft', not 'signed'",
        "guard trigger assessments_signed_refuse_update is missing: 'clinic-app db upgrade' "
        "restores it",
    )
