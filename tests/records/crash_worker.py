"""Scripted edits for the SIGKILL test: run as ``python -m tests.records.crash_worker FILE RUN``.

Saves drafts through the services as fast as it can and prints one line per
acknowledged (committed) write: ``ack <assessment id> <version> <referral text>``.
Every seventh save starts a new assessment, every eleventh signs the current one
and adds an addendum, so creates, changes, signatures and audit appends all get
interrupted at some point.
"""

from __future__ import annotations

import sys
from datetime import date

from clinic_app.app import build_services
from clinic_app.storage.database import Database
from tests.records.helpers import a_patient

ON = date(2024, 5, 6)


def main(database_file: str, run: str) -> None:
    services = build_services(Database.open(f"sqlite+pysqlite:///{database_file}"))
    drafts = services.assessments.drafts_of(None)
    if drafts:
        record = services.assessments.load(drafts[0].id)
    else:
        patient_id = services.patients.register(a_patient())
        record = services.assessments.start(patient_id, ON)
        print(f"ack {record.id} {record.version} -", flush=True)
    count = 0
    while True:
        count += 1
        text = f"run {run} save {count}"
        record = services.assessments.save_draft(
            record.id, record.assessment.model_copy(update={"referral": text}), record.version
        )
        print(f"ack {record.id} {record.version} {text}", flush=True)
        if count % 11 == 0:
            services.signing.sign(record.id, None)
            services.signing.add_addendum(record.id, f"addendum {run}-{count}", None)
            record = services.assessments.start(record.patient_id, ON)
            print(f"ack {record.id} {record.version} -", flush=True)
        elif count % 7 == 0:
            record = services.assessments.start(record.patient_id, ON)
            print(f"ack {record.id} {record.version} -", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
