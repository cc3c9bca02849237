"""Run the real editor offscreen and type findings at a steady pace until killed.

Usage: kill_driver.py DATABASE_URL PATIENT_ID ASSESSMENT_ID INTERVAL_MS

Prints ``READY`` once the editor is shown, then one JSON line per keystroke, written only
after the event loop has processed that keystroke: the finding's path and the value the
editor now holds for it. The SIGKILL test compares those lines with what was stored.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor_driving import text_input, type_char
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from clinic_app.app import build_services, open_database
from clinic_app.domain.fields import get_value
from clinic_app.ui.editor.assessment_editor import AssessmentEditor

# (path, text typed into it): numbers, then notes with non-ASCII text, and again.
TYPING_PLAN: tuple[tuple[tuple[str, ...], str], ...] = (
    (("history", "body", "height_cm"), "172.5"),
    (("history", "body", "body_mass_kg"), "68"),
    (("history", "complaint", "symptom_duration_weeks"), "14"),
    (("history", "goals"), "Zoë wants to run the Øresund half marathon without pain"),
    (("strength", "hip_abduction", "left", "newtons"), "210"),
    (("strength", "hip_abduction", "right", "newtons"), "174"),
    (("gait", "cadence_spm"), "164"),
    (("gait", "notes"), "Иван Петров observed: overstriding, heel strike, pelvic drop on right"),
    (("outcomes", "pain", "usual"), "6"),
    (("history", "past", "imaging"), "Radiographs 2023 (AP, lateral, skyline): no abnormality"),
    (("history", "treatment", "treatment_type"), "Quadriceps and hip strengthening for 6 weeks"),
) * 3


def main() -> int:
    url, patient_id, assessment_id, interval_ms = sys.argv[1:5]
    app = QApplication(sys.argv[:1])
    services = build_services(open_database(url))
    editor = AssessmentEditor(
        services,
        services.patients.get(int(patient_id)),
        services.assessments.load(int(assessment_id)),
    )
    editor.resize(1200, 800)
    editor.show()
    keystrokes = [
        (path, index, char) for path, text in TYPING_PLAN for index, char in enumerate(text)
    ]
    position = 0

    def type_next() -> None:
        nonlocal position
        if position >= len(keystrokes):
            timer.stop()
            print("DONE", flush=True)
            return
        path, index, char = keystrokes[position]
        position += 1
        widget = editor.fields[path]
        target = text_input(widget)
        if index == 0:  # a new field: go there, select its text, type over it
            editor.go_to(path)
            QTest.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_char(target, char)
        value = get_value(editor.session.document, path)
        print(json.dumps({"path": list(path), "value": value}, ensure_ascii=False), flush=True)

    timer = QTimer()
    timer.setInterval(int(interval_ms))
    timer.timeout.connect(type_next)
    timer.start()
    print("READY", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
