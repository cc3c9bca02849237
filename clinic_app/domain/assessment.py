"""The assessment document: one consultation's structured knee exam.

Stored as JSON (this model) beside indexed columns; its JSON Schema is the
published case-file format. ``SCHEMA_VERSION`` changes when a stored document
would need converting.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from clinic_app.domain.exam_foot_ankle import FootAnkleExam
from clinic_app.domain.exam_functional import FunctionalExam
from clinic_app.domain.exam_gait import GaitExam
from clinic_app.domain.exam_patellar import PatellarExam
from clinic_app.domain.exam_screens import ScreensExam
from clinic_app.domain.exam_strength import StrengthExam
from clinic_app.domain.history import History
from clinic_app.domain.model_base import AffectedSide, Choice, DomainModel, finding, group
from clinic_app.domain.outcomes import OutcomeMeasures
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.domain.soap.free_text import SoapFreeText

# 2 adds optional findings only (issue 11), so a version-1 document reads unchanged as it
# was stored: signed ones keep their version and their content hash.
SCHEMA_VERSION = 2


class AssessmentStatus(Choice):
    DRAFT = "draft"
    # A student's note, submitted and read-only until a supervisor co-signs it (issue 5).
    AWAITING_COSIGNATURE = "awaiting_cosignature"
    SIGNED = "signed"


class HintDecisionKind(Choice):
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"


class HintDecision(DomainModel):
    """The clinician's answer to one decision-support hint; a dismissal needs a reason."""

    decision: HintDecisionKind = Field(title="Decision")
    reason: str | None = Field(default=None, title="Reason", max_length=1000)

    @model_validator(mode="after")
    def _dismissal_has_reason(self) -> HintDecision:
        if self.decision is HintDecisionKind.DISMISSED and not (self.reason or "").strip():
            raise ValueError("a dismissed hint needs a reason")
        return self


class Assessment(DomainModel):
    one_line_fields: ClassVar[frozenset[str]] = frozenset({"clinician", "rule_set_version"})

    schema_version: Literal[1, 2] = Field(default=SCHEMA_VERSION, title="Schema version")
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
    hint_decisions: dict[str, HintDecision] = Field(
        default_factory=dict, title="Decisions on hints (rule id -> accepted or dismissed)",
        json_schema_extra={"not_a_finding": True},
    )
    rule_set_version: str | None = Field(
        default=None, title="Decision rule set version last evaluated", max_length=40,
        json_schema_extra={"not_a_finding": True},
    )
    # Who recorded the whole red-flag checklist negative in one action (guided exam); reset
    # when any of its items is recorded otherwise. Optional: older documents read unchanged.
    red_flag_screen_cleared_by: str | None = Field(
        default=None, title="Red-flag checklist recorded negative by", max_length=200,
        json_schema_extra={"not_a_finding": True},
    )

    # SOAP note and rehab plan (issue 4): the clinician's text and edits, kept with the exam.
    soap_text: SoapFreeText = group("SOAP note: clinician's text", SoapFreeText)
    follow_up_date: date | None = finding("Follow-up date")
    referral: str | None = finding("Referral", max_length=2000, multiline=True)
    rehab_plan: RehabPlan | None = Field(
        default=None, title="Rehab plan as edited by the clinician",
        json_schema_extra={"not_a_finding": True},
    )


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
