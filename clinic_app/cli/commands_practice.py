"""``practice``: list, validate, schema and grade practice cases and attempts; the
supervisor's attempts as CSV and their own cases. Practice data has its own store."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.cli.errors import CommandError
from clinic_app.domain.control_characters import printable

if TYPE_CHECKING:
    from clinic_app.services.practice import PracticeService

MAX_FILE_BYTES = 2**20


def register(subparsers: argparse._SubParsersAction) -> None:
    practice = subparsers.add_parser(
        "practice", help="practice mode for students: cases, grading, attempts"
    )
    actions = practice.add_subparsers(dest="practice_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the practice cases (bundled and added)")
    listing.set_defaults(handler=_list)
    schema = actions.add_parser("schema", help="print the JSON Schema of practice cases")
    schema.add_argument("--attempt", action="store_true",
                        help="the schema of attempt files instead")
    schema.set_defaults(handler=_schema)
    validate = actions.add_parser(
        "validate", help="check practice case files (exit 2 on errors); notes where a key "
        "differs from the decision support")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.set_defaults(handler=_validate)
    grade = actions.add_parser(
        "grade", help="grade an attempt file: JSON with the score parts and the missed items")
    grade.add_argument("attempt", type=Path, metavar="ATTEMPT.json")
    grade.set_defaults(handler=_grade)
    add = actions.add_parser("add-case", help="validate and add a supervisor's own case")
    add.add_argument("file", type=Path, metavar="CASE.json")
    add.add_argument("--by", default="supervisor", help="who adds it (default: supervisor)")
    add.set_defaults(handler=_add_case)
    attempts = actions.add_parser("attempts", help="attempts by student and case, as CSV")
    attempts.add_argument("--student")
    attempts.add_argument("--case", dest="case_id")
    attempts.set_defaults(handler=_attempts)


def _service() -> PracticeService:
    from clinic_app.app import practice_service

    return practice_service()


def _read(path: Path) -> str:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise CommandError(f"{path}: cannot read it ({error.strerror})", 2) from error
    if len(data) > MAX_FILE_BYTES:
        raise CommandError(f"{path}: too large; expected at most {MAX_FILE_BYTES} bytes", 2)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CommandError(f"{path}: not UTF-8 text (byte {error.start + 1})", 2) from error


def _errors(path: Path, lines: list[str]) -> None:
    for line in lines:
        print(printable(f"{path}: {line}"), file=sys.stderr)


def _list(args: argparse.Namespace) -> int:
    for case in _service().cases():
        print(printable(f"{case.id}\t{case.age} y {case.patient.sex.value}\t{case.title}"))
    return 0


def _schema(args: argparse.Namespace) -> int:
    from clinic_app.domain.practice.attempt import Attempt
    from clinic_app.domain.practice.case import PracticeCase

    model = Attempt if args.attempt else PracticeCase
    print(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from clinic_app.domain.practice.agreement import key_disagreements
    from clinic_app.domain.practice.case import PracticeCaseError, parse_practice_case

    failed = False
    for path in args.files:
        try:
            case = parse_practice_case(_read(path))
        except PracticeCaseError as error:
            failed = True
            _errors(path, error.lines)
            continue
        print(printable(f"{path}: valid"))
        for line in key_disagreements(case):
            print(printable(f"{path}: note: key differs from the decision support: {line}"))
    return 2 if failed else 0


def _grade(args: argparse.Namespace) -> int:
    from clinic_app.domain.practice.attempt import parse_attempt
    from clinic_app.domain.practice.case import PracticeCaseError
    from clinic_app.services.practice import UnknownCaseError, result_json

    try:
        attempt = parse_attempt(_read(args.attempt))
        result = _service().grade(attempt)
    except PracticeCaseError as error:
        _errors(args.attempt, error.lines)
        return 2
    except UnknownCaseError as error:
        _errors(args.attempt, [str(error)])
        return 2
    print(printable(result_json(result)))
    return 0


def _add_case(args: argparse.Namespace) -> int:
    from clinic_app.domain.practice.case import PracticeCaseError

    try:
        case, notes = _service().add_case(_read(args.file), args.by)
    except PracticeCaseError as error:
        _errors(args.file, error.lines)
        return 2
    print(printable(f"{args.file}: added practice case {case.id}"))
    for line in notes:
        print(printable(f"{args.file}: note: key differs from the decision support: {line}"))
    return 0


def _attempts(args: argparse.Namespace) -> int:
    sys.stdout.write(_service().attempts_csv(args.student, args.case_id))
    return 0
