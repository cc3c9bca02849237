"""The assessment document: one consultation's structured knee exam.

Stored as JSON (this model) beside indexed columns; its JSON Schema is the
published case-file format. ``SCHEMA_VERSION`` changes when a stored document
would need converting.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from clinic_app.domain.exam_foot_ankle import FootAnkleExam
from clinic_app.domain.exam_functional import FunctionalExam
from clinic_app.domain.exam_gait import GaitExam
from clinic_app.domain.exam_patellar import PatellarExam
from clinic_app.domain.exam_screens import ScreensExam
from clinic_app.domain.exam_strength import StrengthExam
from clinic_app.domain.history import History
from clinic_app.domain.model_base import AffectedSide, Choice, DomainModel, group
from clinic_app.domain.outcomes import OutcomeMeasures

SCHEMA_VERSION = 1


class AssessmentStatus(Choice):
    DRAFT = "draft"
    SIGNED = "signed"


class Assessment(DomainModel):
    schema_version: Literal[1] = Field(default=SCHEMA_VERSION, title="Schema version")
    assessment_date: date = Field(title="Assessment date")
    clinician: str = Field(default="", title="Clinician", max_length=200)
    affected_side: AffectedSide | None = Field(default=None, title="Affected side")
    status: AssessmentStatus = Field(default=AssessmentStatus.DRAFT, title="Status")

    history: History = group("History", History)
    patellar: PatellarExam = group("Patellar glide and tracking", PatellarExam)
    strength: StrengthExam = group("Hip and knee strength", StrengthExam)
    foot_ankle: FootAnkleExam = group("Ankle mobility and foot", FootAnkleExam)
    gait: GaitExam = group("Gait", GaitExam)
    functional: FunctionalExam = group("Functional tests", FunctionalExam)
    screens: ScreensExam = group("Flexibility and differential screens", ScreensExam)
    outcomes: OutcomeMeasures = group("Outcome measures", OutcomeMeasures)


EXAM_SECTIONS: tuple[str, ...] = (
    "history",
    "patellar",
    "strength",
    "foot_ankle",
    "gait",
    "functional",
    "screens",
    "outcomes",
)
