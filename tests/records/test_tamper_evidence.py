"""Each forgery of issue 10 is caught by ``audit verify`` (SQLite and PostgreSQL), and an
untouched database verifies clean in fresh processes."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from clinic_app.app import Services
from clinic_app.domain.patient import Patient
from clinic_app.domain.records.audit import entry_hash
from clinic_app.domain.records.canonical import content_hash
from clinic_app.domain.records.roles import Role
from clinic_app.storage.database import Database
from tests.records.helpers import clinic_users, execute, scalar, started_draft

# The trigger that guards each table, per engine (PostgreSQL: DROP TRIGGER ... ON table).
GUARDS = {
    "sqlite": {
        "assessments": ("assessments_signed_refuse_update", "assessments_signed_refuse_delete"),
        "addenda": ("addenda_refuse_update", "addenda_refuse_delete"),
        "audit_log": ("audit_log_refuse_update", "audit_log_refuse_delete"),
    },
    "postgresql": {
        "assessments": ("assessments_guard_signed",),
        "addenda": ("addenda_append_only",),
        "audit_log": ("audit_log_append_only",),
    },
}


def drop_guards(database: Database, table: str) -> list[str]:
    """What the app's own database role may do: drop the guard triggers of ``table``."""
    dialect = database.engine.dialect.name
    names = GUARDS[dialect][table]
    for name in names:
        execute(database, f"DROP TRIGGER {name}" + (f" ON {table}" if dialect != "sqlite" else ""))
    return list(names)


def verify_cli(database_url: str) -> subprocess.CompletedProcess[str]:
    """``clinic-app audit verify`` in a fresh process (another hash seed each time)."""
    return subprocess.run(
        [sys.executable, "-m", "clinic_app", "--database", database_url, "audit", "verify"],
        capture_output=True, text=True, timeout=120,
    )


@pytest.fixture
def signed_note(services: Services) -> tuple[int, int]:
    """A note signed by a real clinician, with one addendum: (assessment id, addendum id)."""
    users = clinic_users(services)
    draft = started_draft(services, users[Role.CLINICIAN])
    services.signing.sign(draft.id, users[Role.CLINICIAN])
    addendum = services.signing.add_addendum(draft.id, "phoned: better", users[Role.CLINICIAN])
    return draft.id, addendum.id


def problems(services: Services) -> tuple[str, ...]:
    return services.audit.verify().problems


def test_an_untouched_database_verifies_clean_in_fresh_processes(
    services: Services, signed_note: tuple[int, int], database_url: str
) -> None:
    verification = services.audit.verify()
    assert verification.intact, verification.problems
    assert (verification.signed_notes, verification.addenda) == (1, 1)
    result = verify_cli(database_url)
    assert result.returncode == 0, result.stderr
    assert "intact: " in result.stdout and "1 signed notes and 1 addenda verified" in result.stdout


# -- (a) with the triggers in place -----------------------------------------------------

def test_an_inserted_entry_with_a_correct_sha256_and_a_moved_head_is_caught(
    services: Services, database: Database, signed_note: tuple[int, int], database_url: str
) -> None:
    head_sequence = int(scalar(database, "SELECT sequence FROM audit_chain_head"))
    last_hash = str(scalar(database, "SELECT last_hash FROM audit_chain_head"))
    sequence, at = head_sequence + 1, datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
    forged = entry_hash(sequence, at, "cleo", "exported", "assessment", signed_note[0], last_hash)
    execute(
        database,
        "INSERT INTO audit_log (sequence, occurred_at, username, action, entity_type, "
        "entity_id, previous_hash, entry_hash) VALUES (:s, :at, 'cleo', 'exported', "
        "'assessment', :id, :prev, :h)",
        s=sequence, at=at, id=signed_note[0], prev=last_hash, h=forged,
    )
    execute(database, "UPDATE audit_chain_head SET sequence = :s, last_hash = :h", s=sequence,
            h=forged)

    found = problems(services)
    assert any(p.startswith(f"entry {sequence} ") and "plain SHA-256" in p for p in found)
    assert f"the chain head (entry {sequence}) is not sealed by the audit key: it was set by " \
        "hand" in found
    result = verify_cli(database_url)
    assert result.returncode == 1 and f"entry {sequence} " in result.stderr


def test_a_row_inserted_as_signed_by_a_real_clinician_is_caught(
    services: Services, database: Database, signed_note: tuple[int, int], database_url: str
) -> None:
    signed_id = signed_note[0]
    record = services.assessments.load(signed_id)
    changed = record.assessment.model_copy(update={"referral": "forged: surgery"})
    assert record.signature is not None and record.signed_patient is not None
    digest = content_hash(
        changed, record.patient_id, record.signed_patient, "cleo", record.signature.signed_at
    )
    columns = (
        "patient_id, assessment_date, clinician, status, schema_version, version, "
        "created_at, updated_at, created_by, signed_by, signer_name, signed_at, "
        "submitted_by, submitter_name, signed_patient"
    )
    execute(
        database,
        f"INSERT INTO assessments ({columns}, document, content_hash) SELECT {columns}, "
        ":document, :digest FROM assessments WHERE id = :id",
        id=signed_id, digest=digest,
        document=changed.model_copy(update={"status": record.assessment.status})
        .model_dump_json(exclude_none=True),
    )
    forged_id = int(scalar(database, "SELECT max(id) FROM assessments"))

    assert problems(services) == (
        f"assessment {forged_id} is marked signed by cleo but no signing entry exists in the "
        "audit trail: it was not signed in the app",
    )
    result = verify_cli(database_url)
    assert result.returncode == 1 and f"assessment {forged_id} is marked signed" in result.stderr


# -- (b) after DROP TRIGGER -------------------------------------------------------------

def test_a_signed_note_edited_with_a_recomputed_hash_is_caught(
    services: Services, database: Database, signed_note: tuple[int, int], database_url: str
) -> None:
    signed_id = signed_note[0]
    record = services.assessments.load(signed_id)
    assert record.signature is not None and record.signed_patient is not None
    changed = record.assessment.model_copy(update={"referral": "surgery"})
    digest = content_hash(
        changed, record.patient_id, record.signed_patient, "cleo", record.signature.signed_at
    )
    dropped = drop_guards(database, "assessments")
    execute(database, "UPDATE assessments SET document = :d, content_hash = :h WHERE id = :id",
            d=changed.model_dump_json(exclude_none=True), h=digest, id=signed_id)

    found = problems(services)
    assert found[0].startswith(f"assessment {signed_id} (signed by cleo) does not match its "
                               "signing entry")
    assert sorted(found[1:]) == sorted(
        f"guard trigger {name} is missing: 'clinic-app db upgrade' restores it" for name in dropped
    )
    result = verify_cli(database_url)
    assert result.returncode == 1
    assert f"assessment {signed_id} (signed by cleo) does not match its signing entry" in (
        result.stderr
    )


def test_un_signing_a_note_is_caught(
    services: Services, database: Database, signed_note: tuple[int, int]
) -> None:
    signed_id = signed_note[0]
    drop_guards(database, "assessments")
    execute(database, "UPDATE assessments SET status = 'draft', signed_by = NULL, "
            "signed_at = NULL, content_hash = NULL WHERE id = :id", id=signed_id)
    assert any(
        p.startswith(f"assessment {signed_id} was signed (audit entry ")
        and p.endswith("is no longer a signed note: it was deleted or un-signed")
        for p in problems(services)
    )


def test_deleting_a_signed_note_is_caught(
    services: Services, database: Database, signed_note: tuple[int, int], database_url: str
) -> None:
    signed_id, _ = signed_note
    for table in ("addenda", "assessments"):
        drop_guards(database, table)
    execute(database, "DELETE FROM addenda WHERE assessment_id = :id", id=signed_id)
    execute(database, "DELETE FROM assessments WHERE id = :id", id=signed_id)
    found = problems(services)
    assert any(p.startswith(f"assessment {signed_id} was signed") for p in found)
    result = verify_cli(database_url)
    assert result.returncode == 1
    assert f"assessment {signed_id} was signed (audit entry" in result.stderr


def test_editing_an_addendum_is_caught(
    services: Services, database: Database, signed_note: tuple[int, int]
) -> None:
    signed_id, addendum_id = signed_note
    drop_guards(database, "addenda")
    execute(database, "UPDATE addenda SET text = 'all fine' WHERE id = :id", id=addendum_id)
    assert any(
        p.startswith(f"addendum {addendum_id} (assessment {signed_id}) was changed after it "
                     "was written")
        for p in problems(services)
    )


def test_deleting_an_addendum_is_caught(
    services: Services, database: Database, signed_note: tuple[int, int], database_url: str
) -> None:
    signed_id, addendum_id = signed_note
    drop_guards(database, "addenda")
    execute(database, "DELETE FROM addenda WHERE id = :id", id=addendum_id)
    expected = f"addendum {addendum_id} (assessment {signed_id}, audit entry "
    assert any(p.startswith(expected) and p.endswith("no longer exists: it was deleted")
               for p in problems(services))
    result = verify_cli(database_url)
    assert result.returncode == 1 and expected in result.stderr


def test_rewinding_the_chain_is_caught_by_the_head_seal_and_the_witness(
    services: Services, database: Database, signed_note: tuple[int, int], database_url: str
) -> None:
    keep = int(scalar(database, "SELECT sequence FROM audit_chain_head")) - 2
    old_hash = scalar(database, "SELECT entry_hash FROM audit_log WHERE sequence = :s", s=keep)
    drop_guards(database, "audit_log")
    execute(database, "DELETE FROM audit_log WHERE sequence > :s", s=keep)
    execute(database, "UPDATE audit_chain_head SET sequence = :s, last_hash = :h", s=keep,
            h=old_hash)
    found = problems(services)
    assert f"the chain head (entry {keep}) is not sealed by the audit key: it was set by hand" \
        in found
    assert any(p.startswith("the log was rewound: the witness file ") for p in found)
    result = verify_cli(database_url)
    assert result.returncode == 1 and "the log was rewound" in result.stderr


def test_a_rewind_to_a_saved_sealed_head_is_caught_by_the_witness(
    services: Services, database: Database, signed_note: tuple[int, int]
) -> None:
    """An attacker who kept an earlier head row (a copy of the file) restores it whole."""
    saved = {
        column: scalar(database, f"SELECT {column} FROM audit_chain_head")
        for column in ("sequence", "last_hash", "seal")
    }
    services.audit.record_export(
        signed_note[0], actor=services.users.authenticate("cleo", "correct horse battery")
    )
    drop_guards(database, "audit_log")
    execute(database, "DELETE FROM audit_log WHERE sequence > :s", s=saved["sequence"])
    execute(database, "UPDATE audit_chain_head SET sequence = :sequence, "
            "last_hash = :last_hash, seal = :seal", **saved)
    found = problems(services)
    assert found[0].startswith("the log was rewound: the witness file ")
    assert found[0].endswith(
        f"records entry {saved['sequence'] + 1}, the log ends at entry {saved['sequence']}"
    )
    assert all(p.startswith("guard trigger ") for p in found[1:])


def test_dropped_triggers_are_reported_and_db_upgrade_restores_them(
    services: Services, database: Database, signed_note: tuple[int, int], database_url: str
) -> None:
    dropped = [name for table in ("assessments", "addenda", "audit_log")
               for name in drop_guards(database, table)]
    result = verify_cli(database_url)
    assert result.returncode == 1
    for name in dropped:
        assert f"guard trigger {name} is missing" in result.stderr

    upgrade = subprocess.run(
        [sys.executable, "-m", "clinic_app", "--database", database_url, "db", "upgrade"],
        capture_output=True, text=True, timeout=120,
    )
    assert upgrade.returncode == 0, upgrade.stderr
    for name in dropped:
        assert f"guard trigger {name} was missing: re-created" in upgrade.stdout
    assert verify_cli(database_url).returncode == 0
    again = subprocess.run(
        [sys.executable, "-m", "clinic_app", "--database", database_url, "db", "upgrade"],
        capture_output=True, text=True, timeout=120,
    )
    assert again.returncode == 0 and "re-created" not in again.stdout


# -- (c) demographic edits after signing ------------------------------------------------

def test_editing_the_patient_after_signing_never_changes_the_signed_note(
    services: Services, signed_note: tuple[int, int], database_url: str
) -> None:
    signed_id = signed_note[0]
    before = services.assessments.load(signed_id)
    assert before.signed_patient is not None
    services.patients.update(
        before.patient_id,
        Patient(family_name="Renamed", given_names="Someone",
                date_of_birth=before.signed_patient.date_of_birth.replace(year=1990),
                sex=before.signed_patient.sex),
        actor=services.users.authenticate("cleo", "correct horse battery"),
    )
    after = services.assessments.load(signed_id)
    assert after.signed_patient == before.signed_patient
    assert after.signed_patient.family_name == "Nuñez"
    assert services.audit.verify().intact
    assert verify_cli(database_url).returncode == 0
