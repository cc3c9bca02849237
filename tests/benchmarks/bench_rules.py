"""Full decision-support evaluation of one assessment, against reading the same case
(JSON parse and validation), measured in the same run."""

from __future__ import annotations

from clinic_app.domain.case_file import CaseFile, parse_case
from clinic_app.domain.decision import evaluate
from clinic_app.resources import resource
from tests.benchmarks.measure import Result, Timing, time_calls


def run(quick: bool) -> list[Result]:
    texts = [resource("demo", f"case{n}.json").read_text(encoding="utf-8") for n in range(1, 6)]
    cases = [parse_case(text) for text in texts]
    repeat = 50 if quick else 300
    measured = _pooled([lambda c=c: _evaluate(c) for c in cases], repeat)
    baseline = _pooled([lambda t=t: CaseFile.model_validate_json(t) for t in texts], repeat)
    return [
        Result("decision support: full evaluation of one assessment (5 demo cases)", measured,
               baseline, "parse + validate the case JSON", "median <= 2 ms"),
    ]


def _evaluate(case: CaseFile) -> object:
    return evaluate(case.patient, case.assessment, case.earlier_assessments)


def _pooled(calls: list, repeat: int) -> Timing:
    samples: list[float] = []
    for call in calls:
        samples.extend(time_calls(call, repeat).samples_ms)
    return Timing(tuple(samples))
