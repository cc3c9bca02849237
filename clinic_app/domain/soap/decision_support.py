"""The link to decision support (clinic_app.domain.decision), tolerant of its absence.

The SOAP note and the rehab plan read the evaluation; if the rules package cannot
be imported the documents say so rather than pretending nothing was found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.patient import Patient

if TYPE_CHECKING:
    from clinic_app.domain.decision.model import Evaluation


def evaluate_if_available(
    patient: Patient, assessment: Assessment, earlier: Sequence[Assessment] = ()
) -> Evaluation | None:
    try:
        from clinic_app.domain.decision import evaluate
    except ImportError:
        return None
    return evaluate(patient, assessment, tuple(earlier))
