"""The audit trail: what is logged, coalescing, and verification of the hash chain."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import DBAPIError

from clinic_app.app import Services, build_services
from clinic_app.cli import main
from clinic_app.domain.records.audit import AuditAction, AuditEvent, EntityType
from clinic_app.services.assessments import AssessmentService
from clinic_app.storage.database import Database
from tests.records.helpers import (
    a_patient,
    audit_triggers_off,
    execute,
    scalar,
    started_draft,
)


def actions(services: Services, assessment_id: int) -> list[str]:
    return [e.action for e in services.audit.entries_for(EntityType.ASSESSMENT, assessment_id)]


def test_every_kind_of_write_is_logged_without_patient_data(
    services: Services, database: Database
) -> None:
    draft = started_draft(services)
    services.signing.sign(draft.id, None)
    services.signing.add_addendum(draft.id, "Nuñez called back", None)
    services.audit.record_export(draft.id)
    other = started_draft(services)
    services.assessments.delete_draft(other.id)

    assert actions(services, draft.id) == [
        "created", "changed", "signed", "addendum_added", "exported",
    ]
    assert actions(services, other.id) == ["created", "changed", "draft_deleted"]
    patient_actions = services.audit.entries_for(EntityType.PATIENT, draft.patient_id)
    assert [e.action for e in patient_actions] == ["created"]
    with database.engine.connect() as connection:
        dumped = " ".join(
            str(value) for row in connection.exec_driver_sql("SELECT * FROM audit_log")
            for value in row
        )
    assert "Nu" not in dumped and "Zo" not in dumped and "none needed" not in dumped


def test_autosave_changes_are_coalesced_per_user_and_minute(database: Database) -> None:
    clock = [datetime(2024, 5, 6, 9, 0, tzinfo=UTC)]
    services = build_services(database)
    timed = AssessmentService(database.unit_of_work, now=lambda: clock[0])
    patient_id = services.patients.register(a_patient())
    record = timed.start(patient_id, clock[0].date())
    for seconds in (1, 20, 59):  # one burst of typing: only the first save is logged
        clock[0] += timedelta(seconds=seconds)
        record = timed.save_draft(record.id, record.assessment, record.version)
    assert actions(services, record.id) == ["created", "changed"]
    # The window compares with the stored entry's time, which the database clock wrote.
    clock[0] = datetime.now(UTC) + timedelta(minutes=2)
    timed.save_draft(record.id, record.assessment, record.version)
    assert actions(services, record.id) == ["created", "changed", "changed"]


def test_verify_passes_on_an_untouched_log(services: Services, database_url: str) -> None:
    started_draft(services)
    verification = services.audit.verify()
    assert verification.intact and verification.entries == 3
    assert main(["--database", database_url, "audit", "verify"]) == 0


def test_the_log_itself_refuses_update_and_delete(
    services: Services, database: Database
) -> None:
    started_draft(services)
    with pytest.raises(DBAPIError, match="append-only"):
        execute(database, "UPDATE audit_log SET username = 'x' WHERE sequence = 1")
    with pytest.raises(DBAPIError, match="append-only"):
        execute(database, "DELETE FROM audit_log WHERE sequence = 1")


def test_verify_names_an_edited_entry(
    services: Services, database: Database, database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    started_draft(services)
    with audit_triggers_off(database):
        execute(database, "UPDATE audit_log SET username = 'someone' WHERE sequence = 2")
    problems = services.audit.verify().problems
    assert len(problems) == 1 and problems[0].startswith("entry 2 ")
    assert "edited" in problems[0]
    assert main(["--database", database_url, "audit", "verify"]) == 1
    assert "entry 2" in capsys.readouterr().err


def test_verify_names_a_removed_entry(
    services: Services, database: Database, database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    started_draft(services)
    with audit_triggers_off(database):
        execute(database, "DELETE FROM audit_log WHERE sequence = 2")
    assert services.audit.verify().problems == (
        "entry 2 removed (the chain jumps to entry 3)",
    )
    assert main(["--database", database_url, "audit", "verify"]) == 1
    assert "entry 2 removed" in capsys.readouterr().err


def test_verify_notices_the_newest_entry_removed(
    services: Services, database: Database
) -> None:
    started_draft(services)
    with audit_triggers_off(database):
        execute(database, "DELETE FROM audit_log WHERE sequence = 3")
    problems = services.audit.verify().problems
    assert problems[0] == "entry 3 removed from the end of the log"
    assert problems[1].startswith("the log was rewound: the witness file ")
    assert problems[1].endswith("records entry 3, the log ends at entry 2")


def test_verify_notices_a_rehashed_forgery(services: Services, database: Database) -> None:
    """Recomputing the edited entry's own hash still breaks the next entry's link."""
    from clinic_app.domain.records.audit import recomputed_hash

    started_draft(services)
    entry = next(e for e in stored_entries(database) if e.sequence == 2)
    forged = entry.__class__(**{**entry.__dict__, "username": "someone"})
    with audit_triggers_off(database):
        execute(database, "UPDATE audit_log SET username = 'someone', entry_hash = :h "
                "WHERE sequence = 2", h=recomputed_hash(forged))
    problems = services.audit.verify().problems
    assert any(p.startswith("entry 3 ") and "does not link" in p for p in problems)


def stored_entries(database: Database) -> list:
    with database.unit_of_work() as uow:
        return list(uow.audit.entries())


@pytest.mark.postgres
def test_concurrent_appends_keep_one_linear_chain(
    postgres_cluster, tmp_path
) -> None:
    name = postgres_cluster.create_database()
    database = Database.open(postgres_cluster.url(name))
    try:
        workers = 8
        barrier = threading.Barrier(workers)
        errors: list[BaseException] = []

        def append_many(worker: int) -> None:
            try:
                barrier.wait()
                for _ in range(15):
                    with database.unit_of_work() as uow:
                        uow.audit.append(AuditEvent(
                            f"user{worker}", AuditAction.EXPORTED, EntityType.ASSESSMENT, worker
                        ))
                        uow.commit()
            except BaseException as error:  # reported below
                errors.append(error)

        threads = [threading.Thread(target=append_many, args=(n,)) for n in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        verification = build_services(database).audit.verify()
        assert verification.intact and verification.entries == workers * 15
        assert scalar(database, "SELECT count(DISTINCT previous_hash) FROM audit_log") == 120
    finally:
        database.close()
        postgres_cluster.drop_database(name)
