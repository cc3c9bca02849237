"""Edits the database has not acknowledged yet, kept on this computer until it has.

When a save fails because the database cannot be reached (a server outage, a lost
network), the editor writes the unsaved document here at once, owner-only, beside the
version it was based on; it retries with growing pauses and forgets the entry once the
database has it. A crash or a kill during the outage therefore loses nothing typed: the
next start finds the entry and saves it (merged with anything saved meanwhile).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.model_base import AS_STORED
from clinic_app.private_files import write_private_file

log = logging.getLogger(__name__)

RETRY_FIRST_S = 1
RETRY_AT_MOST_S = 30


@dataclass(frozen=True)
class UnsavedEdit:
    assessment_id: int
    base_version: int
    base: Assessment  # the stored document the edits started from (for a three-way merge)
    document: Assessment


def retry_delay_s(failed_attempts: int) -> int:
    """The pause before the next try: 1, 2, 4 ... seconds, at most ``RETRY_AT_MOST_S``."""
    return min(RETRY_FIRST_S * 2 ** max(failed_attempts - 1, 0), RETRY_AT_MOST_S)


class UnsavedEdits:
    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def keep(self, edit: UnsavedEdit) -> None:
        """Write (or replace) the entry for the assessment; ``OSError`` if the disk refuses."""
        entry = {
            "assessment_id": edit.assessment_id,
            "base_version": edit.base_version,
            "base": json.loads(edit.base.model_dump_json(exclude_none=True)),
            "document": json.loads(edit.document.model_dump_json(exclude_none=True)),
        }
        write_private_file(self._path(edit.assessment_id), json.dumps(entry).encode("utf-8"))

    def forget(self, assessment_id: int) -> None:
        self._path(assessment_id).unlink(missing_ok=True)

    def pending(self) -> list[UnsavedEdit]:
        """Every entry left, oldest assessment id first; an unreadable one is logged (by
        file name only) and left in place for a person to look at."""
        found: list[UnsavedEdit] = []
        for path in sorted(self._folder.glob("assessment-*.json")):
            try:
                entry = json.loads(path.read_text(encoding="utf-8"))
                found.append(UnsavedEdit(
                    int(entry["assessment_id"]), int(entry["base_version"]),
                    Assessment.model_validate(entry["base"], context=AS_STORED),
                    Assessment.model_validate(entry["document"], context=AS_STORED),
                ))
            except (OSError, ValueError, KeyError, TypeError, ValidationError):
                log.error("an unsaved-edits entry cannot be read: %s", path.name)
        return found

    def _path(self, assessment_id: int) -> Path:
        return self._folder / f"assessment-{assessment_id}.json"
