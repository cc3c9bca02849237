"""``user add/list/set-password``: accounts, managed by an administrator.

The very first account of a database is added without ``--as`` and must be an
administrator; from then on adding accounts and setting other users' passwords needs
``--as`` an administrator, whose password is checked by the user service itself.
"""

from __future__ import annotations

import argparse

from clinic_app.cli.credentials import add_acting_option, credentials_for, read_new_password
from clinic_app.cli.database_access import opened_services
from clinic_app.cli.errors import CommandError
from clinic_app.services.users import AuthenticationError

ROLE_NAMES = ("clinician", "student", "supervisor", "administrator")


def register(subparsers: argparse._SubParsersAction) -> None:
    user = subparsers.add_parser("user", help="user accounts (administrators)")
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add a user account (the first one: an administrator, without --as)"
    )
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name, as printed on notes")
    add.add_argument("--role", required=True, choices=ROLE_NAMES)
    add.add_argument("--registration", help="professional registration number")
    add_acting_option(add, "the administrator adding the account (needed once any exists)")
    add.set_defaults(handler=_add)
    listing = actions.add_parser("list", help="list user accounts")
    listing.set_defaults(handler=_list)
    password = actions.add_parser(
        "set-password", help="set a user's password (your own, or anyone's as administrator)"
    )
    password.add_argument("username")
    add_acting_option(password, "the administrator setting it (default: the user themself, "
                      "asked for their current password)")
    password.set_defaults(handler=_set_password)


def _add(args: argparse.Namespace) -> int:
    from clinic_app.domain.records.roles import Role

    with opened_services(args, existing=False) as services:
        has_accounts = services.users.has_accounts()
        if args.acting is not None and not has_accounts:
            raise CommandError(
                f"--as {args.acting!r}: this database has no user accounts yet; add the first "
                "account, an administrator, without --as"
            )
        if args.acting is None and has_accounts:
            raise CommandError(
                "--as is missing: this database has user accounts, so adding one needs an "
                "administrator (--as USERNAME; their password is asked for)"
            )
        credentials = credentials_for(args.acting) if args.acting else None
        password = read_new_password(args.username)
        try:
            added = services.users.add_user(
                credentials, args.username, args.name, Role(args.role), password,
                args.registration,
            )
        except AuthenticationError as error:
            raise CommandError(f"--as {args.acting!r}: {error}") from error
        except (PermissionError, ValueError) as error:
            raise CommandError(str(error)) from error
    print(f"added {added.username} ({added.role.value})")
    return 0


def _list(args: argparse.Namespace) -> int:
    with opened_services(args, existing=True) as services:
        users = services.users.list_users()
    for user in users:
        registration = user.registration_number or "-"
        print(f"{user.username}\t{user.role.value}\t{registration}\t{user.display_name}")
    return 0


def _set_password(args: argparse.Namespace) -> int:
    acting = args.acting or args.username
    with opened_services(args, existing=True) as services:
        credentials = credentials_for(acting, own=acting == args.username)
        password = read_new_password(args.username)
        try:
            services.users.set_password(credentials, args.username, password)
        except AuthenticationError as error:
            who = f"--as {acting!r}" if args.acting else f"USERNAME {acting!r}"
            raise CommandError(f"{who}: {error}") from error
        except (PermissionError, ValueError, LookupError) as error:
            raise CommandError(str(error)) from error
    print(f"password set for {args.username}")
    return 0
