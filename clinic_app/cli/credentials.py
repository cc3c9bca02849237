"""Who is acting, and the passwords that prove it.

Passwords are never options (they would land in the shell history): they are asked on
the terminal, or read one per line from standard input when it is not a terminal. The
order is always: first the acting user's password (``--as``), then any new password.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from clinic_app.cli.errors import CommandError

if TYPE_CHECKING:
    from clinic_app.app import Services
    from clinic_app.domain.records.roles import User
    from clinic_app.services.users import Credentials


def add_acting_option(parser: argparse.ArgumentParser, who: str) -> None:
    parser.add_argument(
        "--as", dest="acting", metavar="USERNAME",
        help=f"{who}; their password is asked for (from standard input when it is not a "
        "terminal)",
    )


def read_secret(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise CommandError(f"no password on standard input ({prompt.rstrip(': ')})")
    return line.rstrip("\r\n")


def read_new_password(username: str) -> str:
    """The new password; typed twice on a terminal, where a typo cannot be seen."""
    password = read_secret(f"new password for {username}: ")
    if sys.stdin.isatty() and getpass.getpass("the same again: ") != password:
        raise CommandError(f"the two new passwords for {username} differ: nothing was changed")
    return password


def credentials_for(username: str, *, own: bool = False) -> Credentials:
    from clinic_app.services.users import Credentials

    prompt = f"{'current ' if own else ''}password for {username}: "
    return Credentials(username, read_secret(prompt))


def acting_user(services: Services, acting: str | None) -> User:
    """The user named by ``--as`` with their password checked; without ``--as``, the
    only account (or the local user) of a database that needs no login."""
    from clinic_app.services.ports import LoginRequiredError

    if acting is None:
        try:
            return services.users.default_actor()
        except LoginRequiredError as error:
            raise CommandError(
                "--as is missing: several users share this database; give --as USERNAME "
                "(their password is asked for)"
            ) from error
    return authenticated(services, acting)


def authenticated(services: Services, username: str) -> User:
    """``username``'s account, once the password read for it proves it."""
    credentials = credentials_for(username)
    try:
        return services.users.authenticate(credentials.username, credentials.password)
    except PermissionError as error:
        raise CommandError(f"--as {username!r}: {error}") from error
