"""``demo --out DIR``: the SOAP note and rehab plan of every bundled demo case."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clinic_app.cli.errors import CHECK_FAILED, CommandError
from clinic_app.cli.letterhead_options import add_letterhead_options, letterhead_from
from clinic_app.private_files import make_private_folder


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(
        "demo", help="write the SOAP note and rehab plan of every demo case into a folder"
    )
    demo.add_argument("--out", type=Path, required=True, metavar="DIR")
    add_letterhead_options(demo)
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    from clinic_app.app import case_exports
    from clinic_app.cli.commands_case import read_case
    from clinic_app.domain.case_file import CaseFileError
    from clinic_app.export_sinks import FileSink
    from clinic_app.resources import demo_case_paths
    from clinic_app.services.exporting import DocumentKind

    letterhead = letterhead_from(args)
    _prepare_folder(args.out)
    cases = demo_case_paths()
    if not cases:
        raise CommandError("no demo cases found in this installation", CHECK_FAILED)
    exports = case_exports()
    failed = False
    for path in cases:
        try:
            case = read_case(path)
        except CaseFileError as error:
            failed = True
            for line in error.lines:
                print(f"{path.name}: {line}", file=sys.stderr)
            continue
        sinks = [
            FileSink(DocumentKind.SOAP_PDF, args.out / f"{path.stem}-soap.pdf"),
            FileSink(DocumentKind.PLAN_PDF, args.out / f"{path.stem}-plan.pdf"),
        ]
        try:
            result = exports.export_case(case, sinks, letterhead)
        except OSError as error:
            raise CommandError(
                f"--out {str(args.out)!r}: cannot write {Path(error.filename or '').name} "
                f"({error.strerror}); expected a folder you can write to"
            ) from error
        for sink in sinks:
            print(f"wrote {sink.path}")
        for warning in result.warnings:
            print(f"{path.name}: warning: {warning}", file=sys.stderr)
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
