"""``patient erase``: delete a patient who has no signed notes (administrators)."""

from __future__ import annotations

import argparse

from clinic_app.cli.credentials import acting_user, add_acting_option
from clinic_app.cli.database_access import opened_services
from clinic_app.cli.errors import CHECK_FAILED, CommandError


def register(subparsers: argparse._SubParsersAction) -> None:
    patient = subparsers.add_parser("patient", help="patients (erasure by an administrator)")
    actions = patient.add_subparsers(dest="patient_command", metavar="ACTION", required=True)
    erase = actions.add_parser(
        "erase", help="delete a patient and their drafts; refused when any note is signed "
        "(signed records are kept; export them with 'export --patient ID --record DIR')",
    )
    erase.add_argument("patient_id", type=int, metavar="ID")
    erase.add_argument("--yes", action="store_true",
                       help="confirm: the patient and their drafts cannot be brought back")
    add_acting_option(erase, "the administrator erasing (needed when several users share "
                      "the database)")
    erase.set_defaults(handler=_erase)


def _erase(args: argparse.Namespace) -> int:
    from clinic_app.domain.records.roles import PermissionDeniedError
    from clinic_app.services.erasure import RetentionError
    from clinic_app.services.ports import NotFoundError

    if not args.yes:
        raise CommandError(f"patient {args.patient_id} would be deleted for good: add --yes "
                           "to confirm")
    with opened_services(args, existing=True) as services:
        actor = acting_user(services, args.acting)
        try:
            erased = services.erasure.erase_patient(args.patient_id, actor)
        except NotFoundError as error:
            raise CommandError(
                f"{args.patient_id}: {error}; expected the id of a stored patient"
            ) from error
        except (RetentionError, PermissionDeniedError) as error:
            raise CommandError(str(error), CHECK_FAILED) from error
    print(f"patient {erased.patient_id} erased with {len(erased.drafts_deleted)} draft(s)")
    return 0
