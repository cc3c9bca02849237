"""The case file: the documented JSON interchange format for one patient's assessment.

A case holds the patient, the assessment and, optionally, that patient's
earlier assessments (oldest first), which the non-responder rule compares.
Absent findings mean "not assessed".
"""

from __future__ import annotations

import json
from datetime import date
from typing import Literal

from pydantic import Field, ValidationError

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import error_lines
from clinic_app.domain.model_base import DomainModel
from clinic_app.domain.patient import Patient

CASE_FORMAT = "clinic-app-case"


class CaseFile(DomainModel):
    format: Literal["clinic-app-case"] = Field(default=CASE_FORMAT, title="Format")
    title: str | None = Field(default=None, title="Case title", max_length=200)
    patient: Patient
    assessment: Assessment
    earlier_assessments: list[Assessment] = Field(
        default_factory=list, title="Earlier assessments of this patient, oldest first"
    )

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=True, exclude_defaults=False)


class CaseFileError(ValueError):
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def parse_case(text: str) -> CaseFile:
    """Parse and validate a case file; ``CaseFileError`` lists every problem, one per line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CaseFileError(
            [f"(file): not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"]
        ) from error
    if not isinstance(data, dict):
        raise CaseFileError(["(file): expected a JSON object with patient and assessment"])
    try:
        case = CaseFile.model_validate(data)
    except ValidationError as error:
        raise CaseFileError(_case_error_lines(error)) from error
    conflicts = date_conflicts(case)
    if conflicts:
        raise CaseFileError(conflicts)
    return case


def date_conflicts(case: CaseFile) -> list[str]:
    """Dates that cannot all be true: one line each, naming both fields and their values."""
    born = case.patient.date_of_birth
    lines = []

    def check(where: str, assessment: Assessment, not_after: date | None, after_name: str) -> None:
        on = assessment.assessment_date
        if on < born:
            lines.append(
                f"{where}.assessment_date (Assessment date): {on} is before the patient's date "
                f"of birth ({born}); expected a date on or after it"
            )
        injury = assessment.history.trauma.injury_date
        if injury is not None and not born <= injury <= on:
            lines.append(
                f"{where}.history.trauma.injury_date (Date of injury): {injury} is not between "
                f"the date of birth ({born}) and the assessment date ({on})"
            )
        if not_after is not None and on > not_after:
            lines.append(
                f"{where}.assessment_date (Assessment date): {on} is after {after_name} "
                f"({not_after}); earlier assessments must come first, oldest first"
            )

    check("assessment", case.assessment, None, "")
    previous: date | None = None
    for index, earlier in enumerate(case.earlier_assessments):
        where = f"earlier_assessments.{index}"
        check(where, earlier, case.assessment.assessment_date, "the current assessment's date")
        if previous is not None and earlier.assessment_date < previous:
            lines.append(
                f"{where}.assessment_date (Assessment date): {earlier.assessment_date} comes "
                f"before the previous earlier assessment ({previous}); list them oldest first"
            )
        previous = earlier.assessment_date
    return lines


def _case_error_lines(error: ValidationError) -> list[str]:
    lines = []
    for problem in error.errors():
        loc = problem["loc"]
        head = loc[0] if loc else ""
        if head == "assessment" or head == "earlier_assessments":
            depth = 1 if head == "assessment" else 2
            prefix = ".".join(str(p) for p in loc[:depth]) + "."
            sub = ValidationError.from_exception_data(
                error.title, [{**_as_init(problem), "loc": loc[depth:]}]
            )
            lines.extend(error_lines(sub, Assessment, prefix))
        elif head == "patient":
            sub = ValidationError.from_exception_data(
                error.title, [{**_as_init(problem), "loc": loc[1:]}]
            )
            lines.extend(error_lines(sub, Patient, "patient."))
        else:
            sub = ValidationError.from_exception_data(error.title, [_as_init(problem)])
            lines.extend(error_lines(sub, CaseFile))
    return lines


def _as_init(problem: dict) -> dict:
    keep = {"type", "loc", "input", "ctx"}
    return {key: value for key, value in problem.items() if key in keep}
