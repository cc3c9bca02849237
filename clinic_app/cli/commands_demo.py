"""``demo --out DIR``: the SOAP note and rehab plan of every bundled demo case."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clinic_app.cli.errors import CHECK_FAILED, CommandError
from clinic_app.cli.letterhead_options import add_letterhead_options, letterhead_from
from clinic_app.private_files import make_private_folder, write_private_file


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(
        "demo", help="write the SOAP note and rehab plan of every demo case into a folder"
    )
    demo.add_argument("--out", type=Path, required=True, metavar="DIR")
    add_letterhead_options(demo)
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    from clinic_app.cli.commands_case import read_case
    from clinic_app.domain.case_file import CaseFileError
    from clinic_app.reports.exports import export_documents
    from clinic_app.resources import demo_case_paths

    letterhead = letterhead_from(args)
    _prepare_folder(args.out)
    cases = demo_case_paths()
    if not cases:
        raise CommandError("no demo cases found in this installation", CHECK_FAILED)
    failed = False
    for path in cases:
        try:
            case = read_case(path)
        except CaseFileError as error:
            failed = True
            for line in error.lines:
                print(f"{path.name}: {line}", file=sys.stderr)
            continue
        documents = export_documents(
            case.patient, case.assessment, case.earlier_assessments, letterhead
        )
        for name, data in (
            (f"{path.stem}-soap.pdf", documents.soap_pdf),
            (f"{path.stem}-plan.pdf", documents.plan_pdf),
        ):
            target = args.out / name
            try:
                write_private_file(target, data)
            except OSError as error:
                raise CommandError(
                    f"--out {str(args.out)!r}: cannot write {name} ({error.strerror}); "
                    "expected a folder you can write to"
                ) from error
            print(f"wrote {target}")
    return 2 if failed else 0


def _prepare_folder(folder: Path) -> None:
    expected = "expected a folder path (created if missing)"
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"--out {str(folder)!r} is a file; {expected}")
    try:
        make_private_folder(folder)
    except OSError as error:
        raise CommandError(
            f"--out {str(folder)!r}: cannot create the folder ({error.strerror}); {expected}"
        ) from error
