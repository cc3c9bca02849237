"""The practice case: a teaching patient with every finding it knows and a hidden answer key.

Format ``clinic-app-practice-case`` (JSON; ``clinic-app practice schema`` prints its JSON
Schema). The student sees the title, the story, the patient's age and sex; findings
only when asked; the key only after committing an answer.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationError, model_validator

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.case_file import CaseFile, date_conflicts
from clinic_app.domain.decision import Urgency
from clinic_app.domain.json_limits import JsonRefused, parse_json
from clinic_app.domain.model_base import DomainModel
from clinic_app.domain.patient import Patient
from clinic_app.domain.practice.conditions import known_conditions
from clinic_app.domain.practice.findings import finding_specs
from clinic_app.domain.practice.imaging import ImagingChoice
from clinic_app.domain.practice.validation import problem_lines

PRACTICE_CASE_FORMAT = "clinic-app-practice-case"
MAX_PRACTICE_CASE_BYTES = 2**20
CASE_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,59}$"


class MustDo(DomainModel):
    """An item a competent exam of this patient includes: done when every finding is asked."""

    title: str = Field(title="What must be done", min_length=1, max_length=200)
    findings: list[str] = Field(
        title="Findings it needs (finding keys, e.g. history.systemic.fever)", min_length=1,
        max_length=30,
    )
    why: str = Field(title="Why it matters", min_length=1, max_length=1000)


class AnswerKey(DomainModel):
    impressions: list[str] = Field(
        title="Expected impressions, leading first (conditions the decision rules name)",
        min_length=1, max_length=4,
    )
    urgency: Urgency = Field(title="Expected urgency")
    imaging: ImagingChoice = Field(title="Expected imaging decision")
    loading_allowed: bool = Field(title="May a loading programme start")
    plan: str = Field(title="Model plan", min_length=1, max_length=2000)


class PracticeCase(DomainModel):
    format: Literal["clinic-app-practice-case"] = Field(
        default=PRACTICE_CASE_FORMAT, title="Format"
    )
    id: str = Field(title="Case id", pattern=CASE_ID_PATTERN)
    title: str = Field(title="Case title", min_length=1, max_length=200)
    story: str = Field(title="The patient's story (shown first)", min_length=1, max_length=3000)
    patient: Patient
    assessment: Assessment = Field(title="Every finding the case knows")
    key: AnswerKey
    must_do: list[MustDo] = Field(title="Must-do items", min_length=1, max_length=20)
    plan_findings: list[str] = Field(
        default_factory=list, max_length=100,
        title="Findings that shape the plan, not the answer (never counted as wasted)",
    )

    @model_validator(mode="after")
    def _references_exist(self) -> PracticeCase:
        known = finding_specs()
        for index, item in enumerate(self.must_do):
            for key in item.findings:
                if key not in known:
                    raise ValueError(f"must_do.{index}.findings: {_unknown_finding(key)}")
        for key in self.plan_findings:
            if key not in known:
                raise ValueError(f"plan_findings: {_unknown_finding(key)}")
        conditions = known_conditions()
        for impression in self.key.impressions:
            if impression not in conditions:
                raise ValueError(
                    f"key.impressions: {impression[:60]!r} is not a condition the decision "
                    f"rules name; expected one of: {', '.join(conditions)}"
                )
        return self

    @property
    def age(self) -> int:
        return self.patient.age_on(self.assessment.assessment_date)


def _unknown_finding(key: str) -> str:
    return (
        f"{key[:60]!r} is not a finding of the exam form; expected a finding key such as "
        "history.systemic.fever or patellar.apprehension (see docs: finding keys)"
    )


class PracticeCaseError(ValueError):
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def parse_practice_case(text: str) -> PracticeCase:
    """Parse and validate a practice case; ``PracticeCaseError`` names every problem."""
    if len(text) > MAX_PRACTICE_CASE_BYTES:
        raise PracticeCaseError(
            [f"(file): {len(text)} bytes is too large; expected at most "
             f"{MAX_PRACTICE_CASE_BYTES} bytes"]
        )
    try:
        data = parse_json(text)
    except JsonRefused as error:
        raise PracticeCaseError(error.lines) from error
    if not isinstance(data, dict):
        raise PracticeCaseError(["(file): expected a JSON object (a practice case)"])
    try:
        case = PracticeCase.model_validate(data)
    except ValidationError as error:
        raise PracticeCaseError(_lines(error)) from error
    conflicts = date_conflicts(CaseFile(patient=case.patient, assessment=case.assessment))
    if conflicts:
        raise PracticeCaseError(conflicts)
    return case


ID_ALLOWED = "2-60 lower-case letters, digits and hyphens, starting with a letter or digit"


def _lines(error: ValidationError) -> list[str]:
    return problem_lines(error, PracticeCase, {("id",): ID_ALLOWED})
