"""Files carrying patient data (database, backups, exports, settings): 0600, in folders
created 0700. One place for every layer that writes such files.

Anyone else on the machine gets nothing. Folders that already exist keep their mode
(they may be shared on purpose). A file is never written through a symbolic link: a link
planted where an export goes would otherwise overwrite whatever it points to, or, dangling,
create a file elsewhere.
"""

from __future__ import annotations

import errno
import os
import tempfile
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


class SymbolicLinkError(OSError):
    """The file to write is a symbolic link (dangling or not); ``strerror`` says so."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.ELOOP, f"{path} is a symbolic link; choose a regular file path", str(path)
        )


def refuse_symbolic_link(path: Path) -> None:
    """``SymbolicLinkError`` when ``path`` itself is a symbolic link."""
    if path.is_symlink():
        raise SymbolicLinkError(path)


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` readable by its owner only, also when it already existed.

    ``SymbolicLinkError`` when ``path`` is a symbolic link. The data goes into a new
    owner-only file beside ``path``, renamed over it: a link planted meanwhile is replaced,
    never followed, and a failed write leaves the earlier file as it was."""
    refuse_symbolic_link(path)
    make_private_folder(path.parent)
    descriptor, partial = tempfile.mkstemp(  # O_EXCL, mode 0600
        dir=path.parent, prefix=f".{path.name}.", suffix=".partial"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def restrict_to_owner(path: Path) -> None:
    """Make an existing file (written by a library, e.g. Qt's settings) readable by its owner
    only, in a folder only its owner can list. A symbolic link is left alone: the file it
    points to is not the app's."""
    if os.name == "posix" and path.is_file() and not path.is_symlink():
        os.chmod(path.parent, PRIVATE_FOLDER_MODE)
        os.chmod(path, PRIVATE_FILE_MODE)
