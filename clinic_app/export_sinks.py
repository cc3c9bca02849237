"""Where exported documents go: an owner-only file, or memory (clipboard, standard output).

The export service writes each document to its sink and discards the sinks again
when the export cannot be completed or recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from clinic_app.private_files import write_private_file
from clinic_app.services.exporting import DocumentKind


class ExportWriteError(OSError):
    """A document could not be written to the file the user chose (``filename`` names it)."""


@dataclass
class FileSink:
    kind: DocumentKind
    path: Path
    written: bool = field(default=False, init=False)

    def write(self, data: bytes) -> None:
        try:
            write_private_file(self.path, data)
        except OSError as error:  # name the file asked for, not a temporary one beside it
            raise ExportWriteError(error.errno, error.strerror, str(self.path)) from error
        self.written = True

    def discard(self) -> None:
        if self.written:
            self.path.unlink(missing_ok=True)
            self.written = False


@dataclass
class MemorySink:
    kind: DocumentKind
    data: bytes | None = field(default=None, init=False)

    def write(self, data: bytes) -> None:
        self.data = data

    def discard(self) -> None:
        self.data = None

    @property
    def text(self) -> str:
        return (self.data or b"").decode("utf-8")
