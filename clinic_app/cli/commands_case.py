"""Case files: ``schema`` prints the JSON Schema, ``validate`` checks a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clinic_app.case_reading import read_case
from clinic_app.domain.assessment import SCHEMA_VERSION
from clinic_app.domain.case_file import (
    CaseFile,
    CaseFileError,
    schema_versions,
    upgraded,
)
from clinic_app.domain.control_characters import printable
from clinic_app.private_files import write_private_file


def register(subparsers: argparse._SubParsersAction) -> None:
    schema = subparsers.add_parser("schema", help="print the JSON Schema of case files")
    schema.set_defaults(handler=_schema)
    validate = subparsers.add_parser(
        "validate",
        help="check case files: one line per problem naming field, value and what is allowed "
        "(exit 2 on errors)",
    )
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.add_argument(
        "--upgrade", action="store_true",
        help=f"rewrite each valid file at schema version {SCHEMA_VERSION} (an invalid file is "
        "left as it is)",
    )
    validate.set_defaults(handler=_validate)


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(CaseFile.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def print_case_errors(path: Path, error: CaseFileError) -> None:
    """One line per problem on standard error, prefixed with the file, nothing unprintable."""
    for line in error.lines:
        print(printable(f"{path}: {line}"), file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            case = read_case(path)
        except CaseFileError as error:
            failed = True
            print_case_errors(path, error)
            continue
        try:
            print(printable(f"{path}: {_upgrade(path, case) if args.upgrade else 'valid'}"))
        except OSError as error:
            failed = True
            print(printable(f"{path}: valid, but the upgraded file cannot be written "
                            f"({error.strerror}); the file is left as it was"), file=sys.stderr)
    return 2 if failed else 0


def _upgrade(path: Path, case: CaseFile) -> str:
    """Rewrite a valid case file at the current schema version; what was done, in words."""
    before = sorted(schema_versions(case))
    if before == [SCHEMA_VERSION]:
        return f"valid, already schema version {SCHEMA_VERSION}"
    write_private_file(path, (upgraded(case).to_json() + "\n").encode("utf-8"))
    old = ", ".join(str(version) for version in before)
    return f"valid, upgraded from schema version {old} to {SCHEMA_VERSION}"
