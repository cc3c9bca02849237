"""Text saved before control characters were refused still opens, exports and verifies:
stricter input must never lock a stored record away."""

from __future__ import annotations

import json

from sqlalchemy import text

from clinic_app.app import Services
from clinic_app.domain.letterhead import DEFAULT_LETTERHEAD
from clinic_app.export_sinks import MemorySink
from clinic_app.services.exporting import DocumentKind
from clinic_app.storage.database import Database
from tests.records.helpers import started_draft

OLD_NOTE = "Pasted from a letter:\r\nknee gave way\x1b[0m twice"


def test_a_stored_control_character_opens_exports_stripped_and_verifies(
    services: Services, database: Database
) -> None:
    draft = started_draft(services)
    with database.engine.begin() as connection:  # as an earlier version stored them
        document = json.loads(connection.scalar(
            text("SELECT document FROM assessments WHERE id = :id"), {"id": draft.id}
        ))
        document["referral"] = OLD_NOTE
        connection.execute(text("UPDATE assessments SET document = :doc WHERE id = :id"),
                           {"doc": json.dumps(document), "id": draft.id})
        connection.execute(text("UPDATE patients SET given_names = :name WHERE id = :id"),
                           {"name": "Zo\x1be", "id": draft.patient_id})

    assert services.assessments.load(draft.id).assessment.referral == OLD_NOTE
    assert services.patients.get(draft.patient_id).patient.given_names == "Zo\x1be"
    assert services.signing.sign(draft.id, None).signature is not None
    assert services.audit.verify().intact

    sink = MemorySink(DocumentKind.SOAP_TEXT)
    services.exports.export_stored(draft.id, [sink], DEFAULT_LETTERHEAD, None)
    assert "\x1b" not in sink.text and "\r" not in sink.text
    assert "knee gave way" in sink.text
