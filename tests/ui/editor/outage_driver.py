"""Run the real editor offscreen; once GO_FILE exists, type one finding and report when
the editor has kept it on this computer because the database cannot be reached.

Usage: outage_driver.py DATABASE_URL PATIENT_ID ASSESSMENT_ID GO_FILE

Prints ``READY`` once the editor is shown and ``KEPT`` once the save failed and the entry
was written; the outage test then kills this process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor_driving import replace_text
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from clinic_app.app import build_services, open_database
from clinic_app.ui.editor.assessment_editor import AssessmentEditor

BODY_MASS = ("history", "body", "body_mass_kg")
TYPED = "68"


def main() -> int:
    url, patient_id, assessment_id, go_file = sys.argv[1:5]
    app = QApplication(sys.argv[:1])
    services = build_services(open_database(url))
    editor = AssessmentEditor(
        services,
        services.patients.get(int(patient_id)),
        services.assessments.load(int(assessment_id)),
        guided=False,
    )
    editor.resize(1200, 800)
    editor.show()
    editor.session.offline.connect(lambda _seconds: print("KEPT", flush=True))

    def type_when_told() -> None:
        if Path(go_file).exists():
            poll.stop()
            replace_text(editor.fields[BODY_MASS], TYPED)

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(type_when_told)
    poll.start()
    print("READY", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
