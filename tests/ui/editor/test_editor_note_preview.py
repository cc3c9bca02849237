"""The Note tab shows the generated S, O, A and P as they will print, updated as the
findings change, beside the clinician's own words."""

from __future__ import annotations

from clinic_app.domain.decision import evaluate
from clinic_app.domain.rehab.builder import plan_for_export
from clinic_app.domain.soap.builder import build_soap_note
from clinic_app.reports.soap_text import soap_plain_text
from clinic_app.ui.editor.assessment_editor import NOTE_TAB

REST_PAIN = ("history", "complaint", "rest_pain")


def test_the_preview_follows_the_findings_as_printed(qtbot, editor) -> None:
    editor.work_tabs.setCurrentIndex(NOTE_TAB)
    subjective = editor.note_page.generated["S"]
    qtbot.waitUntil(lambda: "History of the presenting complaint" in subjective.text())
    assert "pain at rest" not in subjective.text().lower()

    editor.fields[REST_PAIN].combo.setCurrentIndex(1)  # yes
    qtbot.waitUntil(lambda: "pain at rest" in subjective.text().lower(), timeout=3000)

    session = editor.session
    evaluation = evaluate(session.patient_record.patient, session.document)
    plan = plan_for_export(session.document, evaluation, editor.library)
    printed = soap_plain_text(build_soap_note(
        session.patient_record.patient, session.document, evaluation, plan, editor.library
    ))
    for letter in "SOAP":
        for line in editor.note_page.generated_text(letter).splitlines():
            assert " ".join(line.split()) in " ".join(printed.split()), line
    own = editor.note_page.fields[("soap_text", "subjective")]
    assert own.isVisible()  # the clinician's words beside the generated part
