"""``audit verify``: the keyed audit chain, its head and witness, every signed note and
addendum against its entry, and the guard triggers."""

from __future__ import annotations

import argparse
import sys

from clinic_app.cli.database_access import open_database


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help="the tamper-evident audit trail")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check the keyed audit chain, every signed note and addendum against it, and "
        "the guard triggers: one line per problem and exit 1, or a summary and exit 0",
    )
    verify.set_defaults(handler=_verify)


def _verify(args: argparse.Namespace) -> int:
    from clinic_app.app import build_services

    # A missing or wrong key is reported below rather than refused at opening.
    database = open_database(args, existing=True, audit_key_required=False)
    try:
        verification = build_services(database).audit.verify()
    finally:
        database.close()
    for problem in verification.problems:
        print(f"audit verify: {problem}", file=sys.stderr)
    if not verification.intact:
        print(f"audit verify: NOT intact: {len(verification.problems)} problem(s)",
              file=sys.stderr)
        return 1
    print(f"audit verify: intact: {verification.summary()}")
    return 0
