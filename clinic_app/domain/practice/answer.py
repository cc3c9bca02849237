"""The student's answer, committed before any feedback is shown."""

from __future__ import annotations

from pydantic import Field

from clinic_app.domain.decision import Urgency
from clinic_app.domain.model_base import DomainModel
from clinic_app.domain.practice.imaging import ImagingChoice


class StudentAnswer(DomainModel):
    impressions: list[str] = Field(
        title="Impressions, leading first", min_length=1, max_length=4
    )
    urgency: Urgency = Field(title="Urgency")
    imaging: ImagingChoice = Field(title="Imaging decision")
    loading_allowed: bool = Field(title="May a loading programme start")
    plan: str = Field(default="", title="Short plan", max_length=2000)
