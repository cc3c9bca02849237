"""``audit verify``: the audit trail's hash chain and the signed notes' content hashes."""

from __future__ import annotations

import argparse
import sys

from clinic_app.cli.database_access import open_database


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help="the tamper-evident audit trail")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check the audit trail's hash chain and every signed note's content hash: "
        "exit 1 naming any edited or removed entry and any note changed after signing",
    )
    verify.set_defaults(handler=_verify)


def _verify(args: argparse.Namespace) -> int:
    from clinic_app.app import build_services
    from clinic_app.storage.integrity import verify_signed_content

    database = open_database(args, existing=True)
    try:
        trail = build_services(database).audit.verify()
        signed = verify_signed_content(database.engine)
    finally:
        database.close()
    for problem in (*trail.problems, *signed.problems):
        print(f"audit verify: {problem}", file=sys.stderr)
    if trail.intact:
        print(f"audit trail intact: {trail.entries} entries verified")
    else:
        print(f"audit trail NOT intact: {len(trail.problems)} problem(s) in "
              f"{trail.entries} entries", file=sys.stderr)
    if signed.intact:
        print(f"signed notes intact: {signed.checked} content hashes verified")
    else:
        print(f"signed notes NOT intact: {len(signed.problems)} of {signed.checked} do not "
              "match their content hash", file=sys.stderr)
    return 0 if trail.intact and signed.intact else 1
