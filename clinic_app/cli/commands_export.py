"""``export``: the SOAP note, rehab plan, FHIR document or case file of a case file, a
stored assessment or a patient's whole record.

A stored assessment is exported by a known user (``--as`` with their password when
several users share the database), checked before any document is built, and the
export enters the audit trail only once every file has been written. ``--case`` names
the case file read with no ``--assessment``, and the case file written with one.
"""

from __future__ import annotations

import argparse
import secrets
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
    from clinic_app.services.exporting import Anonymisation, ExportResult

STANDARD_OUTPUT = "-"


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export", help="write the SOAP note and/or the rehab plan as PDF (or the note as "
        "text), a FHIR document or a case file; or a patient's whole record as case files"
    )
    source = export.add_mutually_exclusive_group()
    source.add_argument("--assessment", type=int, metavar="ID", help="a stored assessment")
    source.add_argument("--patient", type=int, metavar="ID",
                        help="a stored patient's whole record (with --record)")
    export.add_argument("--case", type=Path, metavar="CASE.json",
                        help="without --assessment: the case file to export; with it: write "
                        "the stored assessment as a case file")
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
    export.add_argument("--fhir", type=Path, metavar="OUT.json",
                        help="FHIR R4 document (a Bundle of type document, JSON)")
    export.add_argument("--record", type=Path, metavar="DIR",
                        help="with --patient: a folder receiving a case file and a FHIR "
                        "document for each of the patient's assessments")
    export.add_argument("--anonymised", action="store_true",
                        help="remove names, identifiers, contact details and free text, and "
                        "shift every date by the same random number of days")
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
          "--progress": "PROGRESS_PDF", "--discharge": "DISCHARGE_PDF", "--ics": "FOLLOW_UP_ICS",
          "--fhir": "FHIR_JSON", "--case": "CASE_JSON"}


def _export(args: argparse.Namespace) -> int:
    if args.patient is not None or args.record is not None:
        return _export_record(args)
    if args.assessment is None and args.case is None:
        raise CommandError("no source given: use --case CASE.json, --assessment ID or "
                           "--patient ID with --record DIR")
    written = [("--soap", args.soap), ("--plan", args.plan), ("--text", args.text),
               ("--fhir", args.fhir), ("--progress", args.progress),
               ("--discharge", args.discharge), ("--ics", args.ics)]
    if args.assessment is not None:
        written.append(("--case", args.case))
    outputs = [_Output(option, path) for option, path in written if path is not None]
    if not outputs:
        raise CommandError(
            "no output given: use at least one of --soap, --plan, --text, --fhir, "
            "--progress, --discharge, --ics" + (", --case" if args.assessment is not None else "")
        )
    for output in outputs:
        if not output.to_standard_output and output.path.is_dir():
            raise CommandError(
                f"{output.option} {str(output.path)!r} is a folder; expected a file name"
            )
    letterhead = letterhead_from(args)
    if args.assessment is None:
        if args.acting is not None:
            raise CommandError("--as is for stored assessments (--assessment), not case files")
        return _export_case(args.case, outputs, letterhead, _anonymisation(args))
    _export_stored(args, outputs, letterhead)
    return 0


def _anonymisation(args: argparse.Namespace) -> Anonymisation | None:
    if not args.anonymised:
        return None
    from clinic_app.services.exporting import Anonymisation

    # 30 days to two years back, chosen afresh for each export: the shift is not guessable
    # from one anonymised file to the next.
    return Anonymisation(-(30 + secrets.randbelow(700)), "Anonymised case")


def _export_record(args: argparse.Namespace) -> int:
    from clinic_app.export_sinks import FileSink
    from clinic_app.private_files import make_private_folder
    from clinic_app.services.exporting import DocumentKind
    from clinic_app.services.ports import NotFoundError

    if args.patient is None or args.record is None:
        raise CommandError("--patient ID and --record DIR go together: the patient whose "
                           "whole record is written, and the folder it goes to")
    others = [option for option in ("soap", "plan", "text", "fhir", "case", "progress",
                                    "discharge", "ics")
              if getattr(args, option) is not None]
    if others:
        raise CommandError(f"--{others[0]} is for one assessment; --record writes a case file "
                           "and a FHIR document for each of the patient's assessments")
    if args.record.exists() and not args.record.is_dir():
        raise CommandError(f"--record {str(args.record)!r} is a file; expected a folder")
    letterhead = letterhead_from(args)
    anonymisation = _anonymisation(args)  # one shift for the whole record
    with opened_services(args, existing=True) as services:
        actor = acting_user(services, args.acting)
        try:
            assessment_ids = services.exports.record_of(args.patient)
        except NotFoundError as error:
            raise CommandError(
                f"--patient {args.patient}: {error}; expected the id of a stored patient"
            ) from error
        try:
            make_private_folder(args.record)
        except OSError as error:
            raise CommandError(f"--record {str(args.record)!r}: cannot create it "
                               f"({error.strerror})") from error
        for number, assessment_id in enumerate(assessment_ids, start=1):
            stem = f"case-{number}" if anonymisation else f"assessment-{assessment_id}"
            sinks = [FileSink(DocumentKind.CASE_JSON, args.record / f"{stem}.json"),
                     FileSink(DocumentKind.FHIR_JSON, args.record / f"{stem}.fhir.json")]
            outputs = [_Output("--record", sink.path) for sink in sinks]
            _delivered(outputs, lambda sinks=sinks, assessment_id=assessment_id:
                       services.exports.export_stored(
                           assessment_id, sinks, letterhead, actor, anonymisation))
            for sink in sinks:
                print(f"wrote {sink.path}")
    if not assessment_ids:
        print(f"patient {args.patient} has no assessments: nothing written")
    return 0


def _export_case(
    path: Path, outputs: list[_Output], letterhead: Letterhead,
    anonymisation: Anonymisation | None,
) -> int:
    from clinic_app.app import case_exports
    from clinic_app.cli.commands_case import print_case_errors, read_case
    from clinic_app.domain.case_file import CaseFileError

    try:
        case = read_case(path)
    except CaseFileError as error:
        print_case_errors(path, error)
        return 2
    sinks = _sinks(outputs)
    result = _delivered(
        outputs, lambda: case_exports().export_case(case, sinks, letterhead, anonymisation)
    )
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
                args.assessment, sinks, letterhead, actor, _anonymisation(args)
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
    if any(output.option in ("--soap", "--plan", "--progress", "--discharge")
           for output in outputs):
        for warning in result.warnings:  # characters a PDF prints as a box, and why
            print(f"export: warning: {warning}", file=sys.stderr)
