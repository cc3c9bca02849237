"""Database maintenance: ``db upgrade`` applies the migrations and restores guard triggers;
``db encrypt`` / ``decrypt`` / ``rekey`` convert a SQLite file (see storage.encryption).

Passphrases are never options: the current one comes from CLINIC_APP_PASSPHRASE, the
keyring or the terminal (standard input when it is not one), then the new one from
CLINIC_APP_NEW_PASSPHRASE or the terminal (typed twice) or the next line of standard input.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="database maintenance")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser(
        "upgrade",
        help="apply the schema migrations and re-create any missing guard trigger",
    )
    upgrade.set_defaults(handler=_upgrade)
    for name, help_text in (
        ("encrypt", "encrypt the SQLite database with SQLCipher under a new passphrase"),
        ("decrypt", "store the SQLite database unencrypted again"),
        ("rekey", "change the passphrase of the encrypted SQLite database"),
    ):
        action = actions.add_parser(name, help=help_text)
        if name != "decrypt":
            action.add_argument("--keyring", action="store_true",
                                help="also keep the passphrase in the system keyring, so the "
                                "app does not ask for it at start")
        action.set_defaults(handler=_convert, conversion=name)


def _upgrade(args: argparse.Namespace) -> int:
    from clinic_app.cli.database_access import open_database

    database = open_database(args, existing=False)
    try:
        restored = database.restore_guard_triggers()
        print(f"database at {database.display_url} is at schema revision {database.revision()}")
        for name in restored:
            print(f"guard trigger {name} was missing: re-created")
    finally:
        database.close()
    return 0


NEW_PASSPHRASE_VARIABLE = "CLINIC_APP_NEW_PASSPHRASE"
MIN_PASSPHRASE_LENGTH = 8


def _convert(args: argparse.Namespace) -> int:
    import getpass
    import os
    import sys

    from clinic_app.cli.credentials import read_secret
    from clinic_app.cli.database_access import sqlite_file, sqlite_passphrase
    from clinic_app.cli.errors import CHECK_FAILED, CommandError
    from clinic_app.storage.backups import backup_folder
    from clinic_app.storage.database_lock import DatabaseInUseError
    from clinic_app.storage.encryption import PassphraseError, convert, is_encrypted
    from clinic_app.storage.passphrases import keep_in_keyring

    database_file = sqlite_file(args)
    if not database_file.is_file() or database_file.stat().st_size == 0:
        raise CommandError(f"no database at {database_file}: nothing to {args.conversion}")
    encrypted = is_encrypted(database_file)
    if args.conversion == "encrypt" and encrypted:
        raise CommandError(f"{database_file} is already encrypted; change its passphrase "
                           "with 'clinic-app db rekey'")
    if args.conversion != "encrypt" and not encrypted:
        raise CommandError(f"{database_file} is not encrypted; encrypt it with "
                           "'clinic-app db encrypt'")
    current = sqlite_passphrase(args) if encrypted else None
    new = None
    if args.conversion != "decrypt":
        new = os.environ.get(NEW_PASSPHRASE_VARIABLE) or read_secret("new passphrase: ")
        if sys.stdin.isatty() and not os.environ.get(NEW_PASSPHRASE_VARIABLE) and \
                getpass.getpass("the same again: ") != new:
            raise CommandError("the two new passphrases differ: nothing was changed")
        if len(new) < MIN_PASSPHRASE_LENGTH:
            raise CommandError(f"the new passphrase has {len(new)} characters; expected at "
                               f"least {MIN_PASSPHRASE_LENGTH} (a few words are best)")
    try:
        convert(database_file, current, new)
    except DatabaseInUseError as error:
        raise CommandError(str(error), CHECK_FAILED) from error
    except PassphraseError as error:
        raise CommandError(str(error), CHECK_FAILED) from error
    if args.conversion == "decrypt":
        keep_in_keyring(database_file, None)
        print(f"{database_file} is stored unencrypted now")
    else:
        kept = args.keyring and keep_in_keyring(database_file, new)
        if args.keyring and not kept:
            print("db: no system keyring here: the passphrase is asked at each start (or set "
                  "CLINIC_APP_PASSPHRASE)", file=sys.stderr)
        elif not args.keyring:
            keep_in_keyring(database_file, None)  # an old passphrase there would not open it
        print(f"{database_file} is encrypted{' (passphrase in the keyring)' if kept else ''}; "
              f"backups are encrypted with the same passphrase from now on. Backups taken "
              f"before, in {backup_folder(database_file)}, keep their old form and key")
    return 0
