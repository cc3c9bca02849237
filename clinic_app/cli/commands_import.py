"""``import``: store case files' patients and assessments (as drafts) in the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clinic_app.cli.credentials import acting_user, add_acting_option
from clinic_app.cli.database_access import opened_services
from clinic_app.cli.errors import BAD_INPUT


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "import",
        help="store case files in the database (a stored patient is matched, never "
        "duplicated; assessments become drafts) and print their ids",
    )
    command.add_argument("files", nargs="+", type=Path, metavar="CASE.json")
    add_acting_option(command, "the user importing (needed when several users share the "
                      "database)")
    command.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from clinic_app.cli.commands_case import read_case
    from clinic_app.domain.case_file import CaseFileError

    cases = []
    failed = False
    for path in args.files:  # every file is checked before anything is stored
        try:
            cases.append((path, read_case(path)))
        except CaseFileError as error:
            failed = True
            for line in error.lines:
                print(f"{path}: {line}", file=sys.stderr)
    if failed:
        print("import: nothing was stored", file=sys.stderr)
        return BAD_INPUT
    with opened_services(args, existing=False) as services:
        actor = acting_user(services, args.acting)
        for path, case in cases:
            stored = services.imports.import_case(case, actor)
            patient = "matched the stored patient" if stored.patient_matched else "new patient"
            earlier = (
                f"earlier assessments {', '.join(map(str, stored.earlier_ids))}; "
                if stored.earlier_ids else ""
            )
            print(f"{path}: {patient} {stored.patient_id}; {earlier}"
                  f"assessment {stored.assessment_id} stored as a draft")
    return 0
