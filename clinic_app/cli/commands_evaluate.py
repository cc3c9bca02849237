"""``evaluate CASE.json``: the decision-support hints and conclusion for a case file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clinic_app.cli.commands_case import read_case
from clinic_app.domain.case_file import CaseFileError
from clinic_app.domain.decision import Evaluation, Hint, evaluate
from clinic_app.domain.decision.context import finding_label
from clinic_app.domain.decision.serialise import evaluation_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "evaluate", help="print the decision-support hints and conclusion for a case file"
    )
    parser.add_argument("case", type=Path, metavar="CASE.json")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=_evaluate)


def _evaluate(args: argparse.Namespace) -> int:
    try:
        case = read_case(args.case)
    except CaseFileError as error:
        for line in error.lines:
            print(f"{args.case}: {line}", file=sys.stderr)
        return 2
    evaluation = evaluate(case.patient, case.assessment, case.earlier_assessments)
    if args.format == "json":
        print(json.dumps(evaluation_json(evaluation, case.title), indent=2, ensure_ascii=False))
    else:
        print(render_text(evaluation, case.title))
    return 0


def render_text(evaluation: Evaluation, title: str | None = None) -> str:
    conclusion = evaluation.conclusion
    lines = [f"Decision support (rule set {evaluation.rule_set_version})"]
    if title:
        lines.append(title)
    lines += ["", "CONCLUSION", f"  Urgency: {conclusion.urgency_headline}"]
    for number, impression in enumerate(conclusion.impressions, start=1):
        lines.append(f"  {number}. {impression.condition}: {impression.confidence}")
    lines.append(f"  Imaging: {conclusion.imaging.describe()}")
    lines.append(f"  Loading programme: {conclusion.loading_advice}")
    if conclusion.referral:
        lines.append(f"  Referral: {conclusion.referral}")
    lines += ["", "HINTS"]
    lines += [line for hint in evaluation.fired for line in _hint_lines(hint)]
    if evaluation.cannot_evaluate:
        lines += ["", "CANNOT EVALUATE YET (findings not assessed)"]
        for hint in evaluation.cannot_evaluate:
            needs = "; ".join(finding_label(path) for path in hint.missing)
            lines.append(f"  - {hint.title} [{hint.rule_id}]: needs {needs}")
    lines += ["", "Decision support only: the clinician makes the diagnosis."]
    return "\n".join(lines)


def _hint_lines(hint: Hint) -> list[str]:
    lines = [
        f"  * [{hint.urgency.label.upper()}] {hint.title} ({hint.category.label}; {hint.rule_id})",
    ]
    for trigger in hint.triggers:
        lines.append(f"      - {trigger.label}: {trigger.value}")
    lines.append(f"      Why: {hint.reasoning}")
    lines.append(f"      Action: {hint.action}")
    if hint.imaging is not None:
        lines.append(f"      Imaging: {hint.imaging.describe()}")
    if hint.missing:
        lines.append(f"      Not assessed: {'; '.join(finding_label(p) for p in hint.missing)}")
    lines.append(f"      Sources {hint.evidence}: {'; '.join(hint.sources)}")
    return lines
