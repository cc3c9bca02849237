"""The version history of an assessment: which saves are kept, and what each changed.

Autosave writes after every pause in typing; the history keeps one version per person
and burst of work (``HISTORY_COALESCING_WINDOW``), plus every version replaced or
discarded in a conflict or merge, so nothing anyone saved is lost from sight.
"""

from __future__ import annotations

from datetime import datetime, timedelta

HISTORY_COALESCING_WINDOW = timedelta(minutes=5)
SAVED = "saved"
CREATED = "created"
SUPERSEDED_BY_CONFLICT = "superseded_in_conflict"
DISCARDED_IN_CONFLICT = "discarded_in_conflict"
DISCARDED_IN_MERGE = "discarded_in_merge"

REASON_LABELS = {
    CREATED: "started",
    SAVED: "saved",
    SUPERSEDED_BY_CONFLICT: "replaced in a conflict",
    DISCARDED_IN_CONFLICT: "not chosen in a conflict",
    DISCARDED_IN_MERGE: "not chosen in a merge",
}


def extends_last_version(
    last_reason: str, last_by: str, last_at: datetime, saved_by: str, now: datetime
) -> bool:
    """Whether a save by ``saved_by`` at ``now`` replaces the newest kept version rather
    than adding one: the same person, still within the window, on a plain save."""
    return (
        last_reason in (SAVED, CREATED) and last_by == saved_by
        and now - last_at < HISTORY_COALESCING_WINDOW
    )
