"""Reading a case file from disk: the one way the command line and the desktop app do it.

The size is checked before the file is read whole, the text must be UTF-8, and dates are
checked against today's date (see ``clinic_app.domain.case_file.parse_case``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clinic_app.domain.case_file import (
    MAX_CASE_FILE_BYTES,
    CaseFile,
    CaseFileError,
    parse_case,
    too_large_line,
)


def read_case(path: Path, today: date | None = None) -> CaseFile:
    """Read and validate a case file; ``CaseFileError`` names every problem.

    The one way every command reads a case file: the size is checked before the
    file is read whole, and dates are checked against ``today`` (default: the
    system date).
    """
    try:
        with path.open("rb") as file:
            data = file.read(MAX_CASE_FILE_BYTES + 1)
    except OSError as error:
        raise CaseFileError([f"(file): cannot read it ({error.strerror})"]) from error
    if len(data) > MAX_CASE_FILE_BYTES:
        raise CaseFileError([too_large_line(_size_of(path, len(data)))])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CaseFileError(
            [f"(file): not UTF-8 text (byte {error.start + 1} cannot be read); "
             "expected a JSON case file in UTF-8"]
        ) from error
    return parse_case(text, today=today or date.today())


def _size_of(path: Path, at_least: int) -> int:
    try:
        return max(path.stat().st_size, at_least)
    except OSError:
        return at_least
