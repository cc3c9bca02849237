"""Where the passphrase of an encrypted database comes from, before anyone is asked.

First ``CLINIC_APP_PASSPHRASE`` (scripts, services), then the system keyring
(``keyring``: Secret Service on Linux, Keychain on macOS, Credential Manager on Windows),
under the service "clinic-app" and the database file's path. Without a usable keyring
(a server, a container, a locked session) nothing is stored there and the passphrase is
asked at each start instead: the dialog of the desktop app, the terminal (or standard
input) of a command.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from clinic_app.storage.encryption import PASSPHRASE_VARIABLE

KEYRING_SERVICE = "clinic-app"
_log = logging.getLogger(__name__)


def known_passphrase(database_file: Path) -> str | None:
    from_environment = os.environ.get(PASSPHRASE_VARIABLE)
    if from_environment:
        return from_environment
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, str(database_file.absolute()))
    except Exception as error:  # no backend, a locked or broken one: ask instead
        _log.info("system keyring not available: %s", type(error).__name__)
        return None


def keep_in_keyring(database_file: Path, passphrase: str | None) -> bool:
    """Store (None: forget) the passphrase in the system keyring; False if there is none."""
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        name = str(database_file.absolute())
        if passphrase is None:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, name)
        else:
            keyring.set_password(KEYRING_SERVICE, name, passphrase)
        return True
    except Exception as error:
        _log.info("system keyring not available: %s", type(error).__name__)
        return False
