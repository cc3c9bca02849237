"""``export``: SOAP note and rehab plan PDFs for a case file or a stored assessment;
``demo``: both documents for every bundled demo case."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clinic_app.cli.commands_case import read_case
from clinic_app.domain.assessment import Assessment
from clinic_app.domain.case_file import CaseFileError
from clinic_app.domain.patient import Patient
from clinic_app.domain.records.signature import RecordTrail
from clinic_app.reports.exports import export_documents
from clinic_app.reports.letterhead import DEFAULT_LETTERHEAD, Letterhead
from clinic_app.resources import resource


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
    _letterhead_options(export)
    export.set_defaults(handler=_export)

    demo = subparsers.add_parser(
        "demo", help="write the SOAP note and rehab plan of every demo case into a folder"
    )
    demo.add_argument("--out", type=Path, required=True, metavar="DIR")
    _letterhead_options(demo)
    demo.set_defaults(handler=_demo)


def _letterhead_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--clinic-name", default=DEFAULT_LETTERHEAD.clinic_name)
    parser.add_argument("--clinic-address", default="", help="use \\n for line breaks")
    parser.add_argument("--logo", type=Path, help="PNG or JPEG logo for the letterhead")


def _letterhead(args: argparse.Namespace) -> Letterhead:
    return Letterhead(
        clinic_name=args.clinic_name,
        address=args.clinic_address.replace("\\n", "\n"),
        logo_path=args.logo,
    )


def _export(args: argparse.Namespace) -> int:
    if not (args.soap or args.plan or args.text):
        print("export: give at least one of --soap, --plan, --text", file=sys.stderr)
        return 2
    try:
        patient, assessment, earlier, trail = _load(args)
    except CaseFileError as error:
        for line in error.lines:
            print(f"{args.case}: {line}", file=sys.stderr)
        return 2
    except LookupError as error:
        print(f"export: {error}", file=sys.stderr)
        return 2
    documents = export_documents(patient, assessment, earlier, _letterhead(args), trail)
    if args.assessment is not None:
        from clinic_app.app import build_services, open_database

        try:  # the audit trail records every export of a stored record
            build_services(open_database(args.database)).audit.record_export(args.assessment)
        except PermissionError as error:
            print(f"export: {error}", file=sys.stderr)
            return 2
    try:
        if args.soap:
            _write(args.soap, documents.soap_pdf)
        if args.plan:
            _write(args.plan, documents.plan_pdf)
        if args.text:
            if str(args.text) == "-":
                sys.stdout.write(documents.soap_text)
            else:
                _write(args.text, documents.soap_text.encode("utf-8"))
    except OSError as error:
        print(f"export: cannot write {error.filename}: {error.strerror}", file=sys.stderr)
        return 1
    return 0


def _load(
    args: argparse.Namespace,
) -> tuple[Patient, Assessment, list[Assessment], RecordTrail | None]:
    if args.case is not None:
        case = read_case(args.case)
        return case.patient, case.assessment, list(case.earlier_assessments), None
    from clinic_app.app import build_services, open_database

    services = build_services(open_database(args.database))
    record = services.assessments.load(args.assessment)
    patient = services.patients.get(record.patient_id).patient
    earlier = [
        services.assessments.load(summary.id).assessment
        for summary in sorted(
            services.assessments.for_patient(record.patient_id),
            key=lambda summary: (summary.assessment_date, summary.id),
        )
        if summary.id != record.id
        and summary.assessment_date <= record.assessment.assessment_date
    ]
    return patient, record.assessment, earlier, services.signing.trail(record.id)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path}")


def _demo(args: argparse.Namespace) -> int:
    cases = sorted(resource("demo").glob("case*.json"))
    if not cases:
        print("demo: no demo cases found", file=sys.stderr)
        return 1
    letterhead = _letterhead(args)
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
        _write(args.out / f"{path.stem}-soap.pdf", documents.soap_pdf)
        _write(args.out / f"{path.stem}-plan.pdf", documents.plan_pdf)
    return 2 if failed else 0
