"""Case files: ``schema`` prints the JSON Schema, ``validate`` checks a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clinic_app.domain.case_file import CaseFile, CaseFileError, parse_case


def register(subparsers: argparse._SubParsersAction) -> None:
    schema = subparsers.add_parser("schema", help="print the JSON Schema of case files")
    schema.set_defaults(handler=_schema)
    validate = subparsers.add_parser(
        "validate",
        help="check case files: one line per problem naming field, value and what is allowed "
        "(exit 2 on errors)",
    )
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.set_defaults(handler=_validate)


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(CaseFile.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def read_case(path: Path) -> CaseFile:
    """Read and validate a case file; ``CaseFileError`` names every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CaseFileError([f"(file): cannot read it ({error.strerror})"]) from error
    except UnicodeDecodeError as error:
        raise CaseFileError(["(file): not UTF-8 text"]) from error
    return parse_case(text)


def _validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            read_case(path)
        except CaseFileError as error:
            failed = True
            for line in error.lines:
                print(f"{path}: {line}", file=sys.stderr)
        else:
            print(f"{path}: valid")
    return 2 if failed else 0
