"""``audit verify``: the keyed audit chain, its head and witness, every signed note and
addendum against its entry, and the guard triggers."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from clinic_app.cli.database_access import open_database

if TYPE_CHECKING:
    from clinic_app.domain.records.audit import ChainHead


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help="the tamper-evident audit trail")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check the keyed audit chain, every signed note and addendum against it, and "
        "the guard triggers: one line per problem and exit 1, or a summary and exit 0",
    )
    verify.add_argument(
        "--witness", action="append", default=[], type=_witness, metavar="SEQUENCE:HASH",
        help="a chain head printed on a signed note ('Audit trail witness'): the log must "
        "still hold that entry with that hash (may be given several times)",
    )
    verify.set_defaults(handler=_verify)


def _witness(text: str) -> ChainHead:
    from clinic_app.domain.records.audit import ChainHead

    sequence, _, digest = text.strip().partition(":")
    if not (sequence.isdigit() and len(digest) == 64
            and all(c in "0123456789abcdef" for c in digest)):
        raise argparse.ArgumentTypeError(
            f"{text[:80]!r} is not a witness; expected SEQUENCE:HASH as printed on a signed "
            "note, e.g. 42:<64 hexadecimal characters>"
        )
    return ChainHead(int(sequence), digest)


def _verify(args: argparse.Namespace) -> int:
    from clinic_app.app import build_services

    # A missing or wrong key is reported below rather than refused at opening.
    database = open_database(args, existing=True, audit_key_required=False)
    try:
        verification = build_services(database).audit.verify(tuple(args.witness))
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
