"""Assemble the SOAP note from the patient, the assessment, the evaluation and the plan."""

from __future__ import annotations

from collections.abc import Iterable

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import Evaluation
from clinic_app.domain.fields import Path
from clinic_app.domain.kujala import KUJALA_SOURCE
from clinic_app.domain.patient import Patient
from clinic_app.domain.records.signature import RecordTrail
from clinic_app.domain.rehab.advice import SOURCE_ARTICLE
from clinic_app.domain.rehab.handout import build_handout
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.domain.soap.appraisal import appraisal_blocks
from clinic_app.domain.soap.document import PatientIdentity, SoapNote, SoapSection
from clinic_app.domain.soap.formatting import without_side
from clinic_app.domain.soap.objective import objective_blocks
from clinic_app.domain.soap.plan_part import plan_blocks
from clinic_app.domain.soap.subjective import subjective_blocks

PRODUCT_DEFAULTS = (
    "Strength deficit: limb symmetry index below 90%.",
    "Lunge asymmetry from 2 cm; toe-to-wall under 10 cm restricted (unverified).",
    "Phase from weeks of treatment (1 under 2, 3 from 6).",
    "Doses 3 x 10-15, 3 days a week; holds 4-5 x 30-45 s.",
    "Progress at pain 3/10 or less, no next-morning flare; cut 30-50% above 5/10.",
    "Review at 1-2 weeks; AKPS and NPRS at 6 and 12 weeks.",
)
REFERENCE_SECTION_7 = "Clinic App clinical reference, section 7 (rehabilitation; defaults [D])"
CORE_SOURCES = (
    "Willy RW et al. Patellofemoral pain CPG. JOSPT 2019;49(9):CPG1-95.",
    "Crossley KM et al. 2016 patellofemoral pain consensus, parts 1 and 2. "
    "BJSM 2016;50:839 and 844.",
)


def build_soap_note(
    patient: Patient,
    assessment: Assessment,
    evaluation: Evaluation,
    plan: RehabPlan,
    library: ExerciseLibrary,
    trail: RecordTrail | None = None,
) -> SoapNote:
    free = assessment.soap_text
    sections = (
        SoapSection("S", "Subjective", subjective_blocks(patient, assessment), free.subjective),
        SoapSection("O", "Objective", objective_blocks(assessment, _decisive(evaluation)),
                    free.objective),
        SoapSection("A", "Assessment", appraisal_blocks(assessment, evaluation), free.assessment),
        SoapSection("P", "Plan", plan_blocks(assessment, evaluation, plan, library), free.plan),
    )
    return SoapNote(
        patient=identity(patient, assessment),
        assessment_date=assessment.assessment_date,
        clinician=assessment.clinician,
        # Only a stored signature makes a signed note: a status typed into a file does not.
        signed=trail is not None and trail.signature is not None,
        affected_side=(
            assessment.affected_side.label if assessment.affected_side else "not recorded"
        ),
        sections=sections,
        rule_set_version=_rule_set_text(assessment, evaluation, trail),
        sources=_sources(evaluation, build_handout(plan, library).sources),
        defaults=PRODUCT_DEFAULTS,
        trail=trail,
    )


def _decisive(evaluation: Evaluation) -> frozenset[Path]:
    """The findings the fired rules read, without their side."""
    return frozenset(
        without_side(trigger.path) for hint in evaluation.fired for trigger in hint.triggers
    )


def _rule_set_text(
    assessment: Assessment, evaluation: Evaluation, trail: RecordTrail | None
) -> str:
    """The rule set of this rendering, and the one in force at signing when they differ."""
    at_signing = assessment.rule_set_version
    signed = trail is not None and trail.signature is not None
    if signed and at_signing and at_signing != evaluation.rule_set_version:
        return f"{evaluation.rule_set_version} (the note was signed under {at_signing})"
    return evaluation.rule_set_version


def identity(patient: Patient, assessment: Assessment) -> PatientIdentity:
    return PatientIdentity(
        name=patient.display_name,
        date_of_birth=patient.date_of_birth,
        age=patient.age_on(assessment.assessment_date),
        sex=patient.sex.label,
        identifier=patient.identifier,
    )


def _sources(evaluation: Evaluation, plan_sources: Iterable[str]) -> tuple[str, ...]:
    """Each source once, in order of first use: the plan's compound citations split into
    their parts, the source article named once, dose defaults left to the defaults list."""
    found = [*CORE_SOURCES, *(source for hint in evaluation.fired for source in hint.sources)]
    found.append(KUJALA_SOURCE)
    found += [part for source in plan_sources for part in source.split("; ")]
    unique: dict[str, str] = {}
    for source in found:
        text = source.strip().rstrip(". ")
        if text.lower().startswith("source article"):
            text = SOURCE_ARTICLE
        elif "clinical reference, section 7" in text:
            text = REFERENCE_SECTION_7
        elif text.startswith(("JOSPT CPG 2019", "Crossley 2016 part 2")):
            continue  # the core sources name them in full
        if text[:1].islower() and text.endswith("[D]"):
            continue  # "dose [D]", "keep-or-stop rule [D]": in the defaults list
        unique.setdefault(text, text)
    return tuple(unique.values())
