"""Field specs: every finding is described well enough to build a form and phrase an error."""

from __future__ import annotations

from datetime import date
from typing import Literal

import pytest
from pydantic import BaseModel, Field

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.fields import FieldSpec, get_value, leaf_specs, spec_index
from clinic_app.domain.kujala import KUJALA_ITEMS
from clinic_app.domain.patient import Patient
from clinic_app.domain.progress import section_progress

SPECS = spec_index(Assessment)
FINDINGS = {path: spec for path, spec in SPECS.items() if path[0] in EXAM_SECTIONS}
NUMERIC = [spec for spec in FINDINGS.values() if spec.kind in ("number", "integer")]
CHOICES = [spec for spec in FINDINGS.values() if spec.kind in ("choice", "choices")]


def test_the_document_has_findings_in_every_exam_section() -> None:
    sections = {spec.path[0] for spec in FINDINGS.values()}
    assert sections == set(EXAM_SECTIONS)
    assert len(FINDINGS) > 200


@pytest.mark.parametrize("spec", SPECS.values(), ids=lambda spec: spec.key)
def test_every_field_has_a_human_title(spec: FieldSpec) -> None:
    assert spec.title.strip()
    assert spec.title != spec.path[-1], "the title falls back to the code name"


@pytest.mark.parametrize("spec", NUMERIC, ids=lambda spec: spec.key)
def test_numeric_fields_have_a_unit_and_a_range(spec: FieldSpec) -> None:
    assert spec.unit
    assert spec.minimum is not None and spec.maximum is not None
    assert spec.minimum < spec.maximum


@pytest.mark.parametrize("spec", CHOICES, ids=lambda spec: spec.key)
def test_choices_have_codes_and_labels(spec: FieldSpec) -> None:
    assert spec.options
    codes = [code for code, _ in spec.options]
    assert len(codes) == len(set(codes))
    assert all(label.strip() for _, label in spec.options)


def test_a_new_assessment_has_every_finding_not_assessed() -> None:
    assessment = Assessment(assessment_date=date(2025, 1, 2))
    assert [path for path in FINDINGS if get_value(assessment, path) is not None] == []
    assert all(progress.state == "empty" for progress in section_progress(assessment))


def test_recording_one_finding_makes_its_section_partial() -> None:
    assessment = Assessment.model_validate(
        {"assessment_date": "2025-01-02", "gait": {"cadence_spm": 160}}
    )
    states = {progress.section: progress.state for progress in section_progress(assessment)}
    assert states["gait"] == "partial"
    assert {state for section, state in states.items() if section != "gait"} == {"empty"}


def test_false_is_a_recorded_finding_not_a_missing_one() -> None:
    assessment = Assessment.model_validate(
        {"assessment_date": "2025-01-02", "history": {"complaint": {"night_pain": False}}}
    )
    assert get_value(assessment, ("history", "complaint", "night_pain")) is False
    history = next(p for p in section_progress(assessment) if p.section == "history")
    assert history.recorded == 1


def test_bilateral_findings_have_a_spec_per_side() -> None:
    left = SPECS[("screens", "hip", "internal_rotation_deg", "left")]
    right = SPECS[("screens", "hip", "internal_rotation_deg", "right")]
    assert (left.side, right.side) == ("left", "right")
    assert left.title == right.title == "Hip internal rotation"
    assert (left.unit, left.minimum, left.maximum) == ("deg", 0, 90)
    assert SPECS[("strength", "hip_abduction", "right", "newtons")].side == "right"
    assert SPECS[("gait", "cadence_spm")].side is None


def test_allowed_phrases_range_and_unit() -> None:
    assert SPECS[("outcomes", "pain", "usual")].allowed() == "a whole number from 0 to 10 points"
    assert SPECS[("history", "body", "body_mass_kg")].allowed() == "a number from 2 to 400 kg"
    assert SPECS[("patellar", "left", "effusion")].allowed() == (
        "one of: zero, trace, one_plus, two_plus, three_plus"
    )
    assert SPECS[("history", "complaint", "night_pain")].allowed().startswith("true or false")
    assert SPECS[("history", "trauma", "injury_date")].allowed() == "a date as YYYY-MM-DD"


def test_kujala_choices_carry_the_questionnaire_wording() -> None:
    stairs = SPECS[("outcomes", "kujala", "stairs")]
    assert stairs.title == "4. Stairs (max 10)"
    assert stairs.label_of("slight_pain_descending") == "Slight pain when descending"
    for item in KUJALA_ITEMS:
        spec = SPECS[("outcomes", "kujala", item.key)]
        assert spec.options == tuple((option.code, option.label) for option in item.options)


def test_a_literal_field_takes_its_labels_from_option_labels() -> None:
    class Answers(BaseModel):
        labelled: Literal["a", "b"] | None = Field(
            default=None, title="Labelled", json_schema_extra={"option_labels": {"a": "Alpha"}}
        )
        bare: Literal["a", "b"] | None = Field(default=None, title="Bare")

    labelled, bare = leaf_specs(Answers)
    assert labelled.options == (("a", "Alpha"), ("b", "b"))
    assert bare.options == (("a", "a"), ("b", "b"))


def test_patient_names_must_not_be_blank() -> None:
    specs = spec_index(Patient)
    assert specs[("family_name",)].allowed() == "non-blank text of at most 200 characters"
    assert specs[("identifier",)].allowed() == "text of at most 100 characters"
