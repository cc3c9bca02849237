"""``export``: the SOAP note and rehab plan of a case file or a stored assessment.

A stored assessment is exported by a known user (``--as`` with their password when
several users share the database), checked before any document is built, and the
export enters the audit trail only once every file has been written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.cli.credentials import acting_user, add_acting_option
from clinic_app.cli.database_access import opened_services
from clinic_app.cli.errors import CommandError
from clinic_app.cli.letterhead_options import add_letterhead_options, letterhead_from

if TYPE_CHECKING:
    from clinic_app.domain.letterhead import Letterhead
    from clinic_app.export_sinks import FileSink, MemorySink
    from clinic_app.services.exporting import ExportResult

STANDARD_OUTPUT = "-"


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export", help="write the SOAP note and/or the rehab plan as PDF (or the note as text)"
    )
    source = export.add_mutually_exclusive_group(required=True)
    source.add_argument("--case", type=Path, metavar="CASE.json", help="a case file")
    source.add_argument("--assessment", type=int, metavar="ID", help="a stored assessment")
    export.add_argument("--soap", type=Path, metavar="OUT.pdf", help="SOAP note PDF")
    export.add_argument("--plan", type=Path, metavar="OUT.pdf", help="rehab plan PDF")
    export.add_argument("--text", type=Path, metavar="OUT.txt",
                        help="SOAP note as plain text ('-' for standard output)")
    export.add_argument("--progress", type=Path, metavar="OUT.pdf",
                        help="progress report of the episode up to this visit (PDF)")
    export.add_argument("--discharge", type=Path, metavar="OUT.pdf",
                        help="discharge summary of the episode (PDF)")
    export.add_argument("--ics", type=Path, metavar="OUT.ics",
                        help="the follow-up date as an iCalendar file for the patient")
    add_acting_option(export, "with --assessment: the user exporting it (needed when "
                      "several users share the database)")
    add_letterhead_options(export)
    export.set_defaults(handler=_export)


@dataclass(frozen=True)
class _Output:
    option: str
    path: Path

    @property
    def to_standard_output(self) -> bool:
        return self.option == "--text" and str(self.path) == STANDARD_OUTPUT


_KINDS = {"--soap": "SOAP_PDF", "--plan": "PLAN_PDF", "--text": "SOAP_TEXT",
          "--progress": "PROGRESS_PDF", "--discharge": "DISCHARGE_PDF", "--ics": "FOLLOW_UP_ICS"}


def _export(args: argparse.Namespace) -> int:
    outputs = [
        _Output(option, path)
        for option, path in (("--soap", args.soap), ("--plan", args.plan), ("--text", args.text),
                             ("--progress", args.progress), ("--discharge", args.discharge),
                             ("--ics", args.ics))
        if path is not None
    ]
    if not outputs:
        raise CommandError("no output given: use at least one of --soap, --plan, --text, "
                           "--progress, --discharge, --ics")
    for output in outputs:
        if not output.to_standard_output and output.path.is_dir():
            raise CommandError(
                f"{output.option} {str(output.path)!r} is a folder; expected a file name"
            )
    letterhead = letterhead_from(args)
    if args.case is not None:
        if args.acting is not None:
            raise CommandError("--as is for stored assessments (--assessment), not case files")
        return _export_case(args.case, outputs, letterhead)
    _export_stored(args, outputs, letterhead)
    return 0


def _export_case(path: Path, outputs: list[_Output], letterhead: Letterhead) -> int:
    from clinic_app.app import case_exports
    from clinic_app.cli.commands_case import print_case_errors, read_case
    from clinic_app.domain.case_file import CaseFileError

    try:
        case = read_case(path)
    except CaseFileError as error:
        print_case_errors(path, error)
        return 2
    sinks = _sinks(outputs)
    result = _delivered(outputs, lambda: case_exports().export_case(case, sinks, letterhead))
    _report(outputs, sinks, result)
    return 0


def _export_stored(
    args: argparse.Namespace, outputs: list[_Output], letterhead: Letterhead
) -> None:
    from clinic_app.services.ports import NotFoundError

    with opened_services(args, existing=True) as services:
        actor = acting_user(services, args.acting)  # who exports: checked before anything
        sinks = _sinks(outputs)
        try:
            result = _delivered(outputs, lambda: services.exports.export_stored(
                args.assessment, sinks, letterhead, actor
            ))
        except NotFoundError as error:
            raise CommandError(
                f"--assessment {args.assessment}: {error}; expected the id of a stored assessment"
            ) from error
    _report(outputs, sinks, result)


def _sinks(outputs: list[_Output]) -> list[FileSink | MemorySink]:
    from clinic_app.export_sinks import FileSink, MemorySink
    from clinic_app.services.exporting import DocumentKind

    return [
        MemorySink(DocumentKind.SOAP_TEXT) if output.to_standard_output
        else FileSink(DocumentKind[_KINDS[output.option]], output.path)
        for output in outputs
    ]


def _delivered(outputs: list[_Output], export: Callable[[], ExportResult]) -> ExportResult:
    """Run the export; a file that cannot be written is named with its option."""
    from clinic_app.export_sinks import ExportWriteError
    from clinic_app.reports.follow_up_calendar import NoFollowUpDateError

    try:
        return export()
    except NoFollowUpDateError as error:
        raise CommandError(f"--ics: {error}") from error
    except ExportWriteError as error:
        failed = next((o for o in outputs if str(o.path) == str(error.filename)), None)
        where = f"{failed.option} {str(failed.path)!r}" if failed else "an output file"
        raise CommandError(
            f"{where}: cannot write it ({error.strerror}); expected a file path in a folder "
            "you can write to"
        ) from error


def _report(
    outputs: list[_Output], sinks: list[FileSink | MemorySink], result: ExportResult
) -> None:
    from clinic_app.export_sinks import MemorySink

    for output, sink in zip(outputs, sinks, strict=True):
        if isinstance(sink, MemorySink):
            sys.stdout.write(sink.text)
        else:
            print(f"wrote {output.path}")
    if any(output.option not in ("--text", "--ics") for output in outputs):
        for warning in result.warnings:  # characters a PDF prints as a box, and why
            print(f"export: warning: {warning}", file=sys.stderr)
