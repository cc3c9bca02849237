"""Each rule's ``reads`` names every finding the rule actually reads.

A recording Context hands the rules views of the patient, the assessment and the earlier
assessments that note the path of every field read, and charges each read to the rule
running at the time. Over the demo cases, the vignette-style cases, the per-rule rows and
generated assessments, every noted path must be declared in that rule's ``reads``, or lie
under a group it declares (``("outcomes", "kujala")`` covers all 13 answers); and every
declared path must be read by at least one of the fixed examples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path as FilePath
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.case_file import parse_case
from clinic_app.domain.decision import RULES
from clinic_app.domain.decision.context import AGE_PATH, Context
from clinic_app.domain.decision.engine import evaluate_context
from clinic_app.domain.decision.model import Path
from clinic_app.domain.decision.rules_non_responder import BASELINE
from clinic_app.domain.fields import spec_index
from clinic_app.domain.patient import Patient
from tests.decision.decision_builders import assessment, patient
from tests.decision.test_decision_follow_up import BASELINE as FIRST_VISIT
from tests.decision.test_decision_follow_up import KUJALA_68, TREATED, visit
from tests.decision.test_decision_properties import PROPERTY_SETTINGS, assessments, patients
from tests.decision.test_decision_rules import CASES

ROOT = FilePath(__file__).resolve().parents[2]
CASE_FILES = sorted(
    [*(ROOT / "resources" / "demo").glob("*.json"), *(ROOT / "tests/decision/cases").glob("*.json")]
)
# The date the findings are dated by and the side they are read for frame every rule's
# reading; they are not findings a rule depends on.
FRAME = frozenset({("assessment_date",), ("affected_side",)})
PATIENT_INPUTS = frozenset({AGE_PATH, ("patient", "sex")})
DECLARED = {rule.id: rule.reads for rule in RULES}
Example = tuple[Patient, Assessment, Sequence[Assessment]]

Note = Callable[[Path], None]


class _NotedDocument:
    """A read-only view of a pydantic document that notes the path of each field read."""

    def __init__(self, document: BaseModel, path: Path, note: Note) -> None:
        self._document = document
        self._path = path
        self._note = note

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._document, name)
        if name not in type(self._document).model_fields:
            return value  # a method such as model_dump
        path = (*self._path, name)
        if isinstance(value, BaseModel):
            return _NotedDocument(value, path, self._note)
        self._note(path)
        return value


class RecordingContext(Context):
    """A Context that notes, per rule, every path read from the documents it holds.

    The engine stores each rule's outcome as soon as the rule returns, so the rule running
    is the one after the last stored outcome; reads after the last rule are the conclusion's.
    """

    def __init__(
        self, patient: Patient, assessment: Assessment, earlier: Sequence[Assessment] = ()
    ) -> None:
        super().__init__(patient, assessment, earlier)
        self.reads: dict[str, set[Path]] = defaultdict(set)
        self.patient = _NotedDocument(patient, ("patient",), self._note)  # type: ignore[assignment]
        self.assessment = _NotedDocument(assessment, (), self._note)  # type: ignore[assignment]
        self.earlier = tuple(
            _NotedDocument(earlier_one, (BASELINE,), self._note) for earlier_one in earlier
        )  # type: ignore[assignment]

    @property  # type: ignore[override]
    def age(self) -> int:
        self._note(AGE_PATH)
        return self._age

    @age.setter
    def age(self, years: int) -> None:
        self._age = years

    def _note(self, path: Path) -> None:
        running = len(self.outcomes)
        if running < len(RULES) and path not in FRAME:
            self.reads[RULES[running].id].add(path)


def reads_of(
    patient: Patient, assessment: Assessment, earlier: Sequence[Assessment] = ()
) -> dict[str, set[Path]]:
    """Rule id -> the paths it read while evaluating this assessment."""
    context = RecordingContext(patient, assessment, earlier)
    evaluate_context(context)
    return context.reads


def undeclared(reads: dict[str, set[Path]]) -> dict[str, list[Path]]:
    """Rule id -> the paths it read without declaring them."""
    found = {
        rule_id: sorted(path for path in paths if not _covered(path, DECLARED[rule_id]))
        for rule_id, paths in reads.items()
    }
    return {rule_id: paths for rule_id, paths in found.items() if paths}


def _covered(path: Path, declared: tuple[Path, ...]) -> bool:
    return any(path[: len(group)] == group for group in declared)


def _examples() -> dict[str, Example]:
    """The demo and vignette-style cases, each rule's rows with and without an affected
    side, and the follow-up visits that reach the non-responder rules."""
    examples: dict[str, Example] = {}
    for case_file in CASE_FILES:
        case = parse_case(case_file.read_text(encoding="utf-8"))
        examples[case_file.stem] = (case.patient, case.assessment, case.earlier_assessments)
    for rule_id, rows in CASES.items():
        for index, (age, findings) in enumerate(rows):
            for side in ("right", None):
                examples[f"{rule_id}-{index}-{side}"] = (
                    patient(age), assessment(findings, affected_side=side), ()
                )
    late_with_films = {**TREATED, "history.treatment.weeks": 12,
                       "history.past.knee_radiographs": "negative_or_effusion_only"}
    for name, extra in (("treated-8-weeks", TREATED), ("treated-12-weeks", late_with_films)):
        examples[name] = (patient(26), visit(extra, KUJALA_68, 5), (FIRST_VISIT,))
    only_total = assessment({**TREATED, "outcomes.kujala_entered.total": 70,
                             "outcomes.pain.usual": 5})
    examples["treated-akps-total-entered"] = (patient(26), only_total, (FIRST_VISIT,))
    return examples


EXAMPLES = _examples()


def test_the_recorder_sees_the_rules_reading() -> None:
    tender_tubercle = assessment({"screens.palpation.tibial_tubercle_tender": True},
                                 affected_side="right")
    reads = reads_of(patient(13, "male"), tender_tubercle)
    assert reads["OSGOOD-SCHLATTER"] == {
        AGE_PATH, ("patient", "sex"), ("screens", "palpation", "tibial_tubercle_tender"),
        ("screens", "palpation", "tibial_tubercle_prominent"),
        ("history", "complaint", "pain_regions"),
    }
    # the recorder charges reads to the rule running, not to the next one
    assert ("screens", "palpation", "tibial_tubercle_tender") not in reads["SINDING-LARSEN"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_rules_read_only_declared_findings(name: str) -> None:
    assert undeclared(reads_of(*EXAMPLES[name])) == {}


@PROPERTY_SETTINGS
@given(patients, assessments(), st.lists(assessments(), max_size=2))
def test_generated_assessments_read_only_declared_findings(
    patient: Patient, assessment: Assessment, earlier: list[Assessment]
) -> None:
    assert undeclared(reads_of(patient, assessment, earlier)) == {}


def test_every_declared_read_is_read_by_some_example() -> None:
    """No rule claims a finding it never looks at (a feature named only in its reasoning)."""
    seen: dict[str, set[Path]] = defaultdict(set)
    for example in EXAMPLES.values():
        for rule_id, paths in reads_of(*example).items():
            seen[rule_id] |= paths
    never_read = {
        rule_id: [path for path in declared if not any(_covered(p, (path,)) for p in seen[rule_id])]
        for rule_id, declared in DECLARED.items()
    }
    assert {rule_id: paths for rule_id, paths in never_read.items() if paths} == {}


def test_every_declared_read_is_a_finding_or_a_group_of_findings() -> None:
    specs = spec_index(Assessment)
    for rule in RULES:
        for path in rule.reads:
            known = path in PATIENT_INPUTS or path[0] == BASELINE or any(
                spec[: len(path)] == path for spec in specs
            )
            assert known, f"{rule.id} declares {path}, which is not a finding"
