"""Erasure: an administrator deletes a patient with no signed notes (drafts included);
a patient with a signed note is kept (retention) and can still be exported; both
audited by ids only, and the keyed chain still verifies afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app.app import build_services
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import PermissionDeniedError, Role
from clinic_app.services.erasure import RetentionError
from clinic_app.services.ports import NotFoundError
from clinic_app.storage.database import Database
from tests.records.helpers import a_patient, clinic_users, started_draft

REPO = Path(__file__).resolve().parents[2]


def test_an_administrator_erases_a_patient_with_drafts_only(tmp_path: Path) -> None:
    file = tmp_path / "clinic.sqlite3"
    database = Database.open(f"sqlite+pysqlite:///{file}")
    try:
        services = build_services(database)
        users = clinic_users(services)
        draft = started_draft(services, users[Role.CLINICIAN])
        with pytest.raises(PermissionDeniedError):
            services.erasure.erase_patient(draft.patient_id, users[Role.CLINICIAN])
        erased = services.erasure.erase_patient(draft.patient_id, users[Role.ADMINISTRATOR])
        assert erased.drafts_deleted == (draft.id,)
        with pytest.raises(NotFoundError):
            services.patients.get(draft.patient_id)
        entries = services.audit.entries_for(EntityType.PATIENT, draft.patient_id)
        assert entries[-1].action == AuditAction.PATIENT_ERASED
        family = a_patient().family_name
        with database.unit_of_work() as uow:
            assert all(family not in (entry.detail or "") for entry in uow.audit.entries())
        report = services.audit.verify()
        assert report.intact, report.summary()
    finally:
        database.close()


def test_a_patient_with_a_signed_note_is_kept_and_still_exported(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'clinic.sqlite3'}"
    database = Database.open(url)
    try:
        services = build_services(database)
        users = clinic_users(services)
        draft = started_draft(services, users[Role.CLINICIAN])
        services.signing.sign(draft.id, users[Role.CLINICIAN])
        with pytest.raises(RetentionError, match="signed records are kept"):
            services.erasure.erase_patient(draft.patient_id, users[Role.ADMINISTRATOR])
        assert services.patients.get(draft.patient_id)
    finally:
        database.close()
    folder = tmp_path / "for-the-patient"
    environment = dict(os.environ)  # the test session's data folder and audit key
    command = [sys.executable, "-m", "clinic_app", "--database", url]
    erase = subprocess.run(
        [*command, "patient", "erase", str(draft.patient_id), "--yes", "--as", "admin"],
        input="correct horse battery\n", capture_output=True, text=True, cwd=REPO,
        env=environment, timeout=60, check=False,
    )
    assert erase.returncode == 1
    assert "signed records are kept" in erase.stderr
    export = subprocess.run(
        [*command, "export", "--patient", str(draft.patient_id), "--record", str(folder),
         "--as", "admin"],
        input="correct horse battery\n", capture_output=True, text=True, cwd=REPO,
        env=environment, timeout=60, check=False,
    )
    assert export.returncode == 0, export.stderr
    assert (folder / f"assessment-{draft.id}.fhir.json").is_file()
