"""A second process holding the database, as the desktop app does while it autosaves:
``python -m tests.records.autosave_worker FILE STOP_FILE``.

Opens the database through the services, then saves until ``STOP_FILE`` exists: each
save starts an assessment and autosaves a draft into it, then prints
``ack <assessment id> <referral text>`` once committed. Closes the database and prints
``closed`` at the end.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from clinic_app.app import build_services
from clinic_app.storage.database import Database
from tests.records.helpers import a_patient

ON = date(2024, 5, 6)


def main(database_file: str, stop_file: str) -> None:
    database = Database.open(f"sqlite+pysqlite:///{database_file}")
    services = build_services(database)
    patient_id = services.patients.register(a_patient())
    count = 0
    while not Path(stop_file).exists():
        count += 1
        record = services.assessments.start(patient_id, ON)
        text = f"autosave {count}"
        services.assessments.save_draft(
            record.id, record.assessment.model_copy(update={"referral": text}), record.version
        )
        print(f"ack {record.id} {text}", flush=True)
    database.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
