"""The SOAP note's content, built in the domain from the structured data."""

from __future__ import annotations

from clinic_app.domain.assessment import HintDecision, HintDecisionKind
from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.decision import evaluate
from clinic_app.domain.rehab.builder import build_rehab_plan
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.soap.builder import build_soap_note
from clinic_app.domain.soap.document import Line, SoapNote, Table
from clinic_app.domain.soap.free_text import SoapFreeText


def _note(case: CaseFile, library: ExerciseLibrary, **changes: object) -> SoapNote:
    assessment = case.assessment.model_copy(update=changes) if changes else case.assessment
    evaluation = evaluate(case.patient, assessment, case.earlier_assessments)
    plan = build_rehab_plan(assessment, evaluation, library)
    return build_soap_note(case.patient, assessment, evaluation, plan, library)


def _texts(note: SoapNote, letter: str) -> list[str]:
    section = next(s for s in note.sections if s.letter == letter)
    out = []
    for block in section.blocks:
        out.append(block.heading or "")
        for item in block.items:
            if isinstance(item, Line):
                out.append(f"{item.label or ''} {item.text}")
            else:
                out.extend(" | ".join(row) for row in item.rows)
    return out


def test_subjective_is_a_narrative_from_the_fields(
    case1: CaseFile, library: ExerciseLibrary
) -> None:
    text = "\n".join(_texts(_note(case1, library), "S"))
    assert "26-year-old female with 10 weeks of insidious right knee pain" in text
    assert "sitting: pain after 40 min" in text
    assert "Denies true locking" in text
    assert "not asked" in text  # unanswered screening questions are counted, not denied


def test_objective_marks_abnormal_values_and_lists_not_assessed(
    case1: CaseFile, library: ExerciseLibrary
) -> None:
    note = _note(case1, library)
    objective = next(s for s in note.sections if s.letter == "O")
    strength = next(
        b for b in objective.blocks if b.heading and b.heading.startswith("Hip and knee")
    )
    table = next(item for item in strength.items if isinstance(item, Table))
    hip_abduction = table.rows.index(next(r for r in table.rows if r[0] == "Hip abduction"))
    assert hip_abduction in table.abnormal_rows
    assert "78%" in table.rows[hip_abduction][3]
    text = "\n".join(_texts(note, "O"))
    assert "Not assessed" in text and "Knee extension" in text
    assert "3/6 (moderate" in text  # derived step-down score


def test_clinician_free_text_is_kept_in_each_section(
    case1: CaseFile, library: ExerciseLibrary
) -> None:
    free = SoapFreeText(subjective="S note", objective="O note", assessment="A note", plan="P note")
    note = _note(case1, library, soap_text=free)
    assert [s.clinician_text for s in note.sections] == ["S note", "O note", "A note", "P note"]


def test_assessment_shows_accepted_and_dismissed_hints(
    case1: CaseFile, library: ExerciseLibrary
) -> None:
    evaluation = evaluate(case1.patient, case1.assessment)
    assert len(evaluation.fired) >= 2
    first, second = evaluation.fired[0], evaluation.fired[1]
    decisions = {
        first.rule_id: HintDecision(decision=HintDecisionKind.ACCEPTED),
        second.rule_id: HintDecision(decision=HintDecisionKind.DISMISSED, reason="Seen on film"),
    }
    text = "\n".join(_texts(_note(case1, library, hint_decisions=decisions), "A"))
    assert "Hints accepted by the clinician" in text
    assert first.reasoning[:40] in text
    assert f"{second.title}. Reason: Seen on film" in text
    assert "Urgency" in text and "Imaging" in text


def test_plan_has_follow_up_default_and_referral(case1: CaseFile, library: ExerciseLibrary) -> None:
    text = "\n".join(_texts(_note(case1, library), "P"))
    assert "product default: review in 1-2 weeks" in text
    note = _note(case1, library, referral="Sports physician, routine")
    assert "Sports physician, routine" in "\n".join(_texts(note, "P"))


def test_rule_set_version_sources_and_defaults(case1: CaseFile, library: ExerciseLibrary) -> None:
    from clinic_app.domain.decision import RULE_SET_VERSION

    note = _note(case1, library)
    assert note.rule_set_version == RULE_SET_VERSION
    assert any("JOSPT" in source for source in note.sources)
    assert any("90%" in text for text in note.defaults)
    assert len(note.sources) == len(set(note.sources))


def test_case2_note_withholds_loading_and_shows_the_emergency(
    case2: CaseFile, library: ExerciseLibrary
) -> None:
    text = "\n".join(_texts(_note(case2, library), "A") + _texts(_note(case2, library), "P"))
    assert "Emergency" in text
    assert "No loading programme" in text
    assert "hip" in text.lower()
