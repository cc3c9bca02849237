"""The clinician's own words for each SOAP section, kept beside the generated text."""

from __future__ import annotations

from clinic_app.domain.model_base import DomainModel, finding

FREE_TEXT_LIMIT = 20000


class SoapFreeText(DomainModel):
    subjective: str | None = finding(
        "Subjective: clinician's notes", max_length=FREE_TEXT_LIMIT, multiline=True
    )
    objective: str | None = finding(
        "Objective: clinician's notes", max_length=FREE_TEXT_LIMIT, multiline=True
    )
    assessment: str | None = finding(
        "Assessment: clinician's notes", max_length=FREE_TEXT_LIMIT, multiline=True
    )
    plan: str | None = finding(
        "Plan: clinician's notes", max_length=FREE_TEXT_LIMIT, multiline=True
    )
