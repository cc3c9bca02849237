"""An assessment with a value in every finding of every exam section, built from the specs."""

from __future__ import annotations

from datetime import date
from typing import Any

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment, HintDecision, HintDecisionKind
from clinic_app.domain.fields import FieldError, FieldSpec, leaf_specs, with_value
from clinic_app.domain.model_base import AffectedSide

SAMPLE_TEXT = "Zoë Ñúñez-Øster: «ступеньки» <b>&</b>"


def filled_assessment() -> Assessment:
    document = Assessment(
        assessment_date=date(2024, 3, 1),
        clinician="Dr. Иван Петров",
        affected_side=AffectedSide.LEFT,
        hint_decisions={
            "rule.example": HintDecision(decision=HintDecisionKind.DISMISSED, reason="seen before")
        },
    )
    for spec in exam_specs():
        document = _with_first_accepted(document, spec)
    return document


def exam_specs() -> list[FieldSpec]:
    return [spec for spec in leaf_specs(Assessment) if spec.path[0] in EXAM_SECTIONS]


def _with_first_accepted(document: Assessment, spec: FieldSpec) -> Assessment:
    refusals = []
    for value in _candidates(spec):
        try:
            return with_value(document, spec.path, value)
        except FieldError as error:
            refusals.append(str(error))
    raise AssertionError(f"no sample value accepted for {spec.key}: {refusals}")


def _candidates(spec: FieldSpec) -> list[Any]:
    """Values far from the default: the range's ends, the last option, True."""
    if spec.kind in ("number", "integer"):
        ends = [end for end in (spec.maximum, spec.minimum) if end is not None] or [1]
        return [int(end) for end in ends] if spec.kind == "integer" else ends
    if spec.kind == "choice":
        return [spec.options[-1][0], spec.options[0][0]]
    if spec.kind == "choices":
        return [[code for code, _ in spec.options[:2]], [spec.options[0][0]]]
    if spec.kind == "boolean":
        return [True, False]
    if spec.kind == "date":
        return [date(2024, 2, 1)]
    return [SAMPLE_TEXT[: spec.max_length or len(SAMPLE_TEXT)]]
