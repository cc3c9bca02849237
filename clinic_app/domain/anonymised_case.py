"""An anonymised case file, for teaching and research.

Removed: the patient's names (replaced by a neutral label), identifier, phone, email
and address; the clinician's name; every free-text finding and note (a sentence can
name a person, a place or an event), the reasons given for dismissed hints and the
patient note of the rehab plan. Shifted: every date (birth, assessments, injury,
follow-up, questionnaires, goal race) by the same number of days, so ages, intervals
and the order of visits stay true while the exact dates do not. The result is an
ordinary case file: it validates like any other.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.fields import leaf_specs
from clinic_app.domain.patient import Patient

ANONYMOUS_FAMILY_NAME = "Anonymous"
REMOVED_REASON = "(reason removed for anonymisation)"
_DATE_PATHS = tuple(spec.path for spec in leaf_specs(Assessment) if spec.kind == "date")
_TEXT_PATHS = tuple(spec.path for spec in leaf_specs(Assessment) if spec.kind == "text")


def anonymised_case(case: CaseFile, shift_days: int, label: str) -> CaseFile:
    """``case`` without identity, its dates moved by ``shift_days`` (the caller picks it at
    random once per export, so every file of one export shifts alike); ``label`` names the
    case instead of the patient (e.g. "Case 3")."""
    shift = timedelta(days=shift_days)
    patient = Patient(
        family_name=ANONYMOUS_FAMILY_NAME,
        given_names=label,
        date_of_birth=case.patient.date_of_birth + shift,
        sex=case.patient.sex,
    )
    return CaseFile(
        title=label,
        patient=patient,
        assessment=_anonymised_assessment(case.assessment, shift),
        earlier_assessments=[
            _anonymised_assessment(earlier, shift) for earlier in case.earlier_assessments
        ],
    )


def _anonymised_assessment(assessment: Assessment, shift: timedelta) -> Assessment:
    data = assessment.model_dump(mode="json")
    for path in _DATE_PATHS:
        _replace(data, path, lambda text: (date.fromisoformat(text) + shift).isoformat())
    for path in _TEXT_PATHS:
        _replace(data, path, lambda _text: None)
    data["clinician"] = ""
    for decision in data.get("hint_decisions", {}).values():
        if decision.get("reason"):
            decision["reason"] = REMOVED_REASON
    if data.get("rehab_plan"):
        data["rehab_plan"]["note_to_patient"] = None
        data["rehab_plan"]["referral_advice"] = None
    return Assessment.model_validate(data)


def _replace(data: dict[str, Any], path: tuple[str, ...], change: Any) -> None:
    node: Any = data
    for name in path[:-1]:
        node = node.get(name) if isinstance(node, dict) else None
        if node is None:
            return
    if isinstance(node, dict) and node.get(path[-1]) is not None:
        node[path[-1]] = change(node[path[-1]])
