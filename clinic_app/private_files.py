"""Files carrying patient data (database, backups, exports, settings): 0600, in folders
created 0700. One place for every layer that writes such files.

Anyone else on the machine gets nothing. Folders that already exist keep their mode
(they may be shared on purpose).
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each 0700; ``OSError`` if impossible."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=PRIVATE_FOLDER_MODE)
        if os.name == "posix":
            os.chmod(path, PRIVATE_FOLDER_MODE)  # mkdir's mode is filtered by the umask


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` readable by its owner only, also when it already existed."""
    make_private_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        if os.name == "posix":
            os.fchmod(descriptor, PRIVATE_FILE_MODE)  # an existing file keeps its mode otherwise
        handle.write(data)


def restrict_to_owner(path: Path) -> None:
    """Make an existing file (written by a library, e.g. Qt's settings) readable by its owner
    only, in a folder only its owner can list."""
    if os.name == "posix" and path.is_file():
        os.chmod(path.parent, PRIVATE_FOLDER_MODE)
        os.chmod(path, PRIVATE_FILE_MODE)
