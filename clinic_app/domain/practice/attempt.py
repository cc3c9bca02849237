"""One attempt at a practice case: what the student asked, in order, and their answer.

Format ``clinic-app-practice-attempt``: the file ``clinic-app practice grade`` reads and
the record the practice store keeps.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationError, model_validator

from clinic_app.domain.json_limits import JsonRefused, parse_json
from clinic_app.domain.model_base import DomainModel
from clinic_app.domain.practice.answer import StudentAnswer
from clinic_app.domain.practice.case import CASE_ID_PATTERN, ID_ALLOWED, PracticeCaseError
from clinic_app.domain.practice.findings import finding_specs
from clinic_app.domain.practice.validation import problem_lines

PRACTICE_ATTEMPT_FORMAT = "clinic-app-practice-attempt"
DEFAULT_OSCE_MINUTES = 15
MAX_ATTEMPT_BYTES = 2**20


class Attempt(DomainModel):
    one_line_fields = frozenset({"student"})

    format: Literal["clinic-app-practice-attempt"] = Field(
        default=PRACTICE_ATTEMPT_FORMAT, title="Format"
    )
    case_id: str = Field(title="Case id", pattern=CASE_ID_PATTERN)
    student: str = Field(title="Student", min_length=1, max_length=200)
    mode: Literal["practice", "osce"] = Field(default="practice", title="Mode")
    time_limit_minutes: int | None = Field(default=None, title="OSCE time limit", ge=1, le=180)
    seconds_used: int | None = Field(default=None, title="Time used (seconds)", ge=0,
                                     le=24 * 3600)
    asked: list[str] = Field(default_factory=list, title="Findings asked, in order",
                             max_length=500)
    answer: StudentAnswer

    @model_validator(mode="after")
    def _asked_are_findings(self) -> Attempt:
        known = finding_specs()
        for index, key in enumerate(self.asked):
            if key not in known:
                raise ValueError(
                    f"asked.{index}: {key[:60]!r} is not a finding of the exam form; "
                    "expected a finding key such as patellar.apprehension"
                )
        if self.mode == "osce" and self.time_limit_minutes is None:
            raise ValueError("time_limit_minutes: required in OSCE mode (minutes, 1 to 180)")
        return self

    @property
    def timed_out(self) -> bool:
        if self.time_limit_minutes is None or self.seconds_used is None:
            return False
        return self.seconds_used >= self.time_limit_minutes * 60


def parse_attempt(text: str) -> Attempt:
    """Parse and validate an attempt file; ``PracticeCaseError`` names every problem."""
    if len(text) > MAX_ATTEMPT_BYTES:
        raise PracticeCaseError([f"(file): {len(text)} bytes is too large for an attempt"])
    try:
        data = parse_json(text)
    except JsonRefused as error:
        raise PracticeCaseError(error.lines) from error
    if not isinstance(data, dict):
        raise PracticeCaseError(["(file): expected a JSON object (a practice attempt)"])
    try:
        return Attempt.model_validate(data)
    except ValidationError as error:
        raise PracticeCaseError(
            problem_lines(error, Attempt, {("case_id",): ID_ALLOWED})
        ) from error
