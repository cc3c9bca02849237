"""At start-up, save the edits a database outage left on this computer (the app was
closed, crashed or killed before the database came back).

Each entry is merged with whatever was saved meanwhile against the version it was based
on. Where the same finding changed on both sides, this computer's value is saved and the
other one stays in the version history; a note signed meanwhile keeps the entry in its
history too. Nothing typed is lost, and an entry is forgotten only once stored.
"""

from __future__ import annotations

import logging

from clinic_app.domain.document_merge import Preference
from clinic_app.domain.records.roles import User
from clinic_app.services.ports import RecordLockedError
from clinic_app.ui.services_port import UiServices

log = logging.getLogger(__name__)

RECOVERED_TEXT = "Recovered {count} from the last session"


def save_unsaved_edits(services: UiServices, actor: User | None) -> int:
    """Save every entry left; the number saved (entries that fail stay for the next start)."""
    saved = 0
    for edit in services.unsaved_edits.pending():
        try:
            try:
                services.conflicts.merge(
                    edit.assessment_id, edit.base, edit.document,
                    prefer=Preference.MINE, actor=actor,
                )
            except RecordLockedError:  # signed meanwhile: kept beside it, in its history
                services.conflicts.take_theirs(edit.assessment_id, edit.document, actor=actor)
        except Exception:
            log.exception("saving the unsaved edits of assessment %s failed", edit.assessment_id)
            continue
        services.unsaved_edits.forget(edit.assessment_id)
        saved += 1
    return saved


def recovered_message(count: int) -> str:
    what = "1 unsaved change" if count == 1 else f"{count} unsaved changes"
    return RECOVERED_TEXT.format(count=what)
