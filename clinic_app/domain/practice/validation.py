"""One line per problem in a practice file, naming the field, the value and what is allowed."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from clinic_app.domain.fields import error_lines, shortened


def problem_lines(
    error: ValidationError, model: type[BaseModel], allowed: dict[tuple, str] | None = None
) -> list[str]:
    """``error_lines`` for ``model``; a cross-field check's message (it names its field
    itself) as it is, and the assessment's fields with their titles and ranges.
    ``allowed`` words what a field allows where its type alone cannot (a pattern)."""
    from clinic_app.domain.assessment import Assessment

    lines = []
    for problem in error.errors():
        loc = problem["loc"]
        if allowed and loc in allowed:
            name = ".".join(str(part) for part in loc)
            lines.append(
                f"{name}: {shortened(problem.get('input'))} is not allowed; "
                f"expected {allowed[loc]}"
            )
        elif problem["type"] == "value_error" and not loc:
            lines.append(str(problem["msg"]).removeprefix("Value error, "))
        elif loc and loc[0] == "assessment":
            lines.extend(error_lines(_one(error, problem, loc[1:]), Assessment, "assessment."))
        else:
            lines.extend(error_lines(_one(error, problem, loc), model))
    return lines


def _one(error: ValidationError, problem: dict, loc: tuple) -> ValidationError:
    init = {k: v for k, v in problem.items() if k in {"type", "input", "ctx"}}
    if problem["type"] in ("control_character", "value_error"):  # rebuilt with its message
        init["type"] = PydanticCustomError(problem["type"], str(problem["msg"]))
        init.pop("ctx", None)
    return ValidationError.from_exception_data(error.title, [{**init, "loc": loc}])
