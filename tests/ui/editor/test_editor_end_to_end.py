"""A whole exam typed and clicked in, the app restarted, and everything found back."""

from __future__ import annotations

from clinic_app.app import build_services, open_database
from clinic_app.domain.assessment import EXAM_SECTIONS
from clinic_app.domain.decision import stamp_rule_set_version
from clinic_app.domain.fields import with_value
from clinic_app.domain.progress import section_progress
from clinic_app.ui.editor.editor_header import HEADER_PATHS
from tests.ui.editor.editor_driving import enter_value, sample_value, shown_value


def test_fill_every_section_restart_and_find_everything_back(
    qtbot, make_editor, database_url, assessment_record
):
    editor = make_editor()
    expected = assessment_record.assessment
    paths = [*HEADER_PATHS, *(p for s in EXAM_SECTIONS for p in editor.fields if p[0] == s)]
    for index, path in enumerate(paths):
        widget = editor.fields[path]
        value = sample_value(widget.spec, index)
        if path == ("clinician",):
            value = "Иван Петров"
        editor.go_to(path)
        enter_value(widget, value)
        expected = with_value(expected, path, value)
        assert widget.error_text() == "", path
    assert editor.session.document == expected
    assert all(p.state == "complete" for p in section_progress(editor.session.document))
    editor.close()

    # "Restart": new database connection, new services, a new editor on the stored record.
    restarted_services = build_services(open_database(database_url))
    stored = restarted_services.assessments.load(assessment_record.id)
    assert stored.assessment == stamp_rule_set_version(expected)  # saved with the rule set
    assert stored.assessment.clinician == "Иван Петров"
    reopened = make_editor(restarted_services, stored)
    for path, widget in reopened.fields.items():
        value = shown_value(widget)
        wanted = _comparable(_value_at(expected, path))
        assert _comparable(value) == wanted, path
    assert "Ñúñez-Øster, Zoë" in reopened.header.patient_label.text()
    patient = restarted_services.patients.get(stored.patient_id).patient
    assert (patient.family_name, patient.given_names) == ("Ñúñez-Øster", "Zoë")


def _value_at(document, path):
    node = document
    for name in path:
        node = getattr(node, name)
    return node


def _comparable(value):
    if isinstance(value, set | frozenset):
        return {getattr(item, "value", item) for item in value}
    return getattr(value, "value", value)
