"""``export``: the SOAP note and rehab plan of a case file or a stored assessment.

A stored assessment is exported by a known user (``--as`` with their password when
several users share the database), checked before any document is built, and the
export enters the audit trail only once every file has been written.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.cli.credentials import acting_user, add_acting_option
from clinic_app.cli.database_access import opened_services
from clinic_app.cli.errors import CommandError
from clinic_app.cli.letterhead_options import add_letterhead_options, letterhead_from
from clinic_app.private_files import write_private_file

if TYPE_CHECKING:
    from clinic_app.app import Services
    from clinic_app.reports.exports import ExportedDocuments
    from clinic_app.reports.letterhead import Letterhead

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


def _export(args: argparse.Namespace) -> int:
    outputs = [
        _Output(option, path)
        for option, path in (("--soap", args.soap), ("--plan", args.plan), ("--text", args.text))
        if path is not None
    ]
    if not outputs:
        raise CommandError("no output given: use at least one of --soap, --plan, --text")
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
    from clinic_app.cli.commands_case import print_case_errors, read_case
    from clinic_app.domain.case_file import CaseFileError
    from clinic_app.reports.exports import export_documents

    try:
        case = read_case(path)
    except CaseFileError as error:
        print_case_errors(path, error)
        return 2
    _write_all(outputs, export_documents(
        case.patient, case.assessment, list(case.earlier_assessments), letterhead
    ), [])
    return 0


def _export_stored(
    args: argparse.Namespace, outputs: list[_Output], letterhead: Letterhead
) -> None:
    with opened_services(args, existing=True) as services:
        actor = acting_user(services, args.acting)  # who exports: checked before anything
        documents = _stored_documents(services, args.assessment, letterhead)
        written: list[Path] = []
        try:
            _write_all(outputs, documents, written)
            # Logged only once every file exists; without its entry, no file stays.
            services.audit.record_export(args.assessment, actor=actor)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise


def _stored_documents(
    services: Services, assessment_id: int, letterhead: Letterhead
) -> ExportedDocuments:
    from clinic_app.reports.exports import export_documents

    try:
        record = services.assessments.load(assessment_id)
    except LookupError as error:
        raise CommandError(
            f"--assessment {assessment_id}: {error}; expected the id of a stored assessment"
        ) from error
    patient = services.patients.get(record.patient_id).patient
    earlier = services.history.earlier_than(record.id)  # the same visits the GUI export uses
    return export_documents(
        patient, record.assessment, earlier, letterhead, services.signing.trail(record.id)
    )


def _write_all(
    outputs: list[_Output], documents: ExportedDocuments, written: list[Path]
) -> None:
    """Write each output, adding each file written to ``written``."""
    for output in outputs:
        if output.to_standard_output:
            sys.stdout.write(documents.soap_text)
            continue
        data = {
            "--soap": documents.soap_pdf,
            "--plan": documents.plan_pdf,
            "--text": documents.soap_text.encode("utf-8"),
        }[output.option]
        try:
            write_private_file(output.path, data)
        except OSError as error:
            raise CommandError(
                f"{output.option} {str(output.path)!r}: cannot write it ({error.strerror}); "
                "expected a file path in a folder you can write to"
            ) from error
        written.append(output.path)
        print(f"wrote {output.path}")
