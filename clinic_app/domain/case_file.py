"""The case file: the documented JSON interchange format for one patient's assessment.

A case holds the patient, the assessment and, optionally, that patient's
earlier assessments (oldest first), which the non-responder rule compares.
Absent findings mean "not assessed".
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_core import PydanticCustomError

from clinic_app.domain.assessment import SCHEMA_VERSION, Assessment
from clinic_app.domain.fields import error_lines
from clinic_app.domain.json_limits import JsonRefused, parse_json
from clinic_app.domain.model_base import DomainModel
from clinic_app.domain.patient import Patient
from clinic_app.domain.plausible_dates import (
    assessment_date_problem,
    follow_up_date_problem,
    injury_date_problem,
)

CASE_FORMAT = "clinic-app-case"
MAX_CASE_FILE_BYTES = 5 * 2**20


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


def upgraded(case: CaseFile) -> CaseFile:
    """The case with every assessment at the current schema version. Version 2 only adds
    optional findings (issue 11), so a version-1 assessment upgrades as it is."""
    def current(assessment: Assessment) -> Assessment:
        return assessment.model_copy(update={"schema_version": SCHEMA_VERSION})

    return case.model_copy(update={
        "assessment": current(case.assessment),
        "earlier_assessments": [current(a) for a in case.earlier_assessments],
    })


def schema_versions(case: CaseFile) -> set[int]:
    return {a.schema_version for a in (case.assessment, *case.earlier_assessments)}


class CaseFileError(ValueError):
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def parse_case(text: str, *, today: date | None = None) -> CaseFile:
    """Parse and validate a case file; ``CaseFileError`` lists every problem, one per line.

    ``today`` (the caller's clock) refuses assessments dated more than a day ahead;
    without it, the future is not checked.
    """
    if len(text) > MAX_CASE_FILE_BYTES:
        raise CaseFileError([too_large_line(len(text))])
    try:
        data = parse_json(text)
    except JsonRefused as error:
        raise CaseFileError(error.lines) from error
    if not isinstance(data, dict):
        raise CaseFileError(["(file): expected a JSON object with patient and assessment"])
    try:
        case = CaseFile.model_validate(data)
    except ValidationError as error:
        raise CaseFileError(_case_error_lines(error)) from error
    conflicts = date_conflicts(case, today)
    if conflicts:
        raise CaseFileError(conflicts)
    return case


def too_large_line(size: int) -> str:
    return (
        f"(file): {size} bytes is too large; expected a case file of at most "
        f"{MAX_CASE_FILE_BYTES} bytes ({MAX_CASE_FILE_BYTES // 2**20} MB)"
    )


def date_conflicts(case: CaseFile, today: date | None = None) -> list[str]:
    """Dates that cannot all be true: one line each, naming the field and its value.

    ``today`` None: the future is not checked.
    """
    born = case.patient.date_of_birth
    lines = []

    def check(where: str, assessment: Assessment, not_after: date | None, after_name: str) -> None:
        on = assessment.assessment_date
        if problem := assessment_date_problem(on, born, today):
            lines.append(f"{where}.assessment_date (Assessment date): {problem}")
        injury = assessment.history.trauma.injury_date
        if injury is not None and (problem := injury_date_problem(injury, born, on)):
            lines.append(f"{where}.history.trauma.injury_date (Date of injury): {problem}")
        follow_up = assessment.follow_up_date
        if follow_up is not None and (problem := follow_up_date_problem(follow_up, on)):
            lines.append(f"{where}.follow_up_date (Follow-up date): {problem}")
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
    init = {key: value for key, value in problem.items() if key in keep}
    if problem["type"] == "control_character":  # our own error type, rebuilt with its message
        init["type"] = PydanticCustomError("control_character", problem["msg"])
    return init
