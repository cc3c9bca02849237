"""``sign``: sign a stored draft (a student's note is submitted for co-signature)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from clinic_app.cli.credentials import add_acting_option, authenticated
from clinic_app.cli.database_access import opened_services
from clinic_app.cli.errors import CommandError

if TYPE_CHECKING:
    from clinic_app.app import Services
    from clinic_app.domain.records.roles import User


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "sign", help="sign a stored draft: it becomes read-only, with its content hash"
    )
    command.add_argument("--assessment", type=int, required=True, metavar="ID")
    add_acting_option(command, "the user signing (default: the only account); once the "
                      "database has accounts, their password is always asked for")
    command.set_defaults(handler=_sign)


def _sign(args: argparse.Namespace) -> int:
    from clinic_app.domain.assessment import AssessmentStatus
    from clinic_app.domain.records.roles import needs_co_signature
    from clinic_app.services.ports import NotFoundError, RecordLockedError

    with opened_services(args, existing=True) as services:
        signer = _signer(services, args.acting)
        try:
            if signer is not None and needs_co_signature(signer.role):
                record = services.signing.submit_for_co_signature(args.assessment, signer)
            else:
                record = services.signing.sign(args.assessment, signer)
        except NotFoundError as error:
            raise CommandError(
                f"--assessment {args.assessment}: {error}; expected the id of a stored draft"
            ) from error
        except (RecordLockedError, PermissionError) as error:
            raise CommandError(f"--assessment {args.assessment}: {error}") from error
    signature = record.signature
    if record.assessment.status is AssessmentStatus.AWAITING_COSIGNATURE or signature is None:
        print(f"assessment {record.id} submitted for a supervisor's co-signature")
        return 0
    print(f"assessment {record.id} signed by {signature.signer_name} at "
          f"{signature.signed_at.isoformat(timespec='seconds')}; content SHA-256 "
          f"{signature.content_hash}")
    return 0


def _signer(services: Services, acting: str | None) -> User | None:
    """None on an installation without accounts (its named clinician signs); otherwise
    the account named by ``--as`` (or the only one), proven by its password."""
    from clinic_app.services.ports import LoginRequiredError

    if not services.users.has_accounts():
        if acting is not None:
            raise CommandError(f"--as {acting!r}: this database has no user accounts")
        return None
    username = acting
    if username is None:
        try:
            username = services.users.default_actor().username
        except LoginRequiredError as error:
            raise CommandError(
                "--as is missing: several users share this database; give --as USERNAME"
            ) from error
    return authenticated(services, username)
