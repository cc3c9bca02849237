"""Every finding of the document can be recorded in the editor's full form (issue 11: the
findings a clinician records must be recordable), and a value set through its widget is
what the stored document holds."""

from __future__ import annotations

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.fields import get_value, spec_index
from clinic_app.ui.editor.assessment_editor import AssessmentEditor

SCHEMA_2_FINDINGS = (  # added for issue 11: each must have its own widget
    ("screens", "acute", "extension_deficit_deg"),
    ("screens", "acute", "extensor_palpable_gap"),
    ("screens", "inflammation", "temperature_c"),
    ("history", "mechanical", "locking_episodes"),
    ("outcomes", "kujala_entered", "total"),
)


def test_every_finding_has_a_widget_in_the_full_form(editor: AssessmentEditor) -> None:
    findings = [path for path in spec_index(Assessment) if path[0] in EXAM_SECTIONS]
    missing = [".".join(path) for path in findings if path not in editor.fields]
    assert missing == []


def test_new_findings_typed_in_are_stored(qtbot, editor: AssessmentEditor, services) -> None:
    known = spec_index(Assessment)
    for path in SCHEMA_2_FINDINGS:
        assert path in known, path  # the schema still has it under this name
    value = {"extension_deficit_deg": 15.0, "extensor_palpable_gap": True,
             "temperature_c": 38.4, "locking_episodes": 2, "total": 71}
    for path in SCHEMA_2_FINDINGS:  # what each widget emits once the user has entered it
        widget = editor.fields[path]
        widget.set_value(value[path[-1]])
        widget.edited.emit(value[path[-1]])
    assert editor.session.flush()
    stored = services.assessments.load(editor.session.assessment_id).assessment
    assert {path[-1]: get_value(stored, path) for path in SCHEMA_2_FINDINGS} == value
