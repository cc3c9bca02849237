"""Settles a refused autosave through the conflict service, so that nothing is lost.

Mine is first merged with the stored version against the base both started from: changes
to different findings are combined and saved at once, and the person is told whose
changes came in. Only findings both sides changed to different values open the dialog,
which lists just those; the choice settles them (the side not chosen is kept in the
history). If the other workstation signed or submitted meanwhile, mine can no longer
replace theirs: the person takes theirs and may turn their own entries into an addendum.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.document_differences import FindingDifference, differing_findings
from clinic_app.domain.document_merge import Preference, path_title
from clinic_app.domain.fields import Path, spec_index
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.records.roles import LOCAL_USERNAME, PermissionDeniedError, User
from clinic_app.services.ports import AssessmentRecord, RecordLockedError
from clinic_app.ui.conflict_dialog import ConflictChoice, ConflictDialog, ConflictView
from clinic_app.ui.editor.record_notice import local_time_text, sentence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from clinic_app.ui.services_port import UiServices

log = logging.getLogger(__name__)

LOCKED_MEANWHILE = (
    "Not kept: the note was signed or submitted on the other workstation while you decided."
)
# Audit actions that write the document (exports and addenda do not).
DOCUMENT_WRITES = frozenset({
    AuditAction.CREATED, AuditAction.CHANGED, AuditAction.CONFLICT_KEPT_MINE, AuditAction.MERGED,
})
ADDENDUM_LEAD = (
    "Entries made on another workstation while this note was being signed there "
    "(the signed note records otherwise):"
)


@dataclass(frozen=True)
class ConflictOutcome:
    record: AssessmentRecord  # the stored version the editor continues on
    mine_stored: bool  # True: my document is that version; else the editor shows theirs
    addendum_text: str = ""  # my entries, to offer as an addendum to the signed note
    notice: str = ""  # what came in from the other workstation ("Merged with ...")


def short_title(path: Path) -> str:
    """The finding's own title ("Body mass"), as a status line has room for."""
    spec = spec_index(Assessment).get(path)
    return spec.title if spec is not None else path_title(path)


def merged_notice(who: str, paths: Iterable[Path], verb: str = "Merged with") -> str:
    """"Merged with Sam Reid's changes: Body mass"; "" when no finding came in."""
    whose = f"{who}'s changes" if who else "the changes saved on the other workstation"
    titles = ", ".join(dict.fromkeys(short_title(path) for path in paths))
    return f"{verb} {whose}: {titles}" if titles else ""


def addendum_draft(differences: tuple[FindingDifference, ...]) -> str:
    lines = [
        f"- {row.title}: {row.mine} (signed note: {row.theirs})" for row in differences
    ]
    return "\n".join([ADDENDUM_LEAD, *lines])


class ConflictPresenter:
    def __init__(
        self, services: UiServices, assessment_id: int, actor: User | None, parent: QWidget
    ) -> None:
        self._services = services
        self._assessment_id = assessment_id
        self._actor = actor
        self._parent = parent

    def resolve(self, base: Assessment, mine: Assessment) -> ConflictOutcome | None:
        """Merge ``mine`` (edited from ``base``) with the stored version; ask only about
        findings changed differently on both sides. None when the dialog is closed."""
        conflicts = self._services.conflicts
        notice = ""
        prefer: Preference | None = None
        while True:
            try:
                outcome = conflicts.merge(
                    self._assessment_id, base, mine, prefer=prefer, actor=self._actor
                )
            except RecordLockedError:  # a choice made while they signed is refused too
                return self._take_locked_theirs(mine, LOCKED_MEANWHILE if prefer else "")
            if outcome.record is not None:
                stored = outcome.record
                who = self.last_writer(outcome.theirs)
                told = merged_notice(who, outcome.merge.theirs_changed)
                return ConflictOutcome(stored, mine_stored=stored.assessment == mine, notice=told)
            view = replace(self.view(mine, outcome.theirs, notice),
                           differences=outcome.merge.conflicts)
            choice = ConflictDialog.ask(self._parent, view)
            if choice is None:
                return None
            prefer = Preference.MINE if choice is ConflictChoice.KEEP_MINE else Preference.THEIRS
            notice = ""

    def _take_locked_theirs(self, mine: Assessment, notice: str) -> ConflictOutcome | None:
        """Signed or submitted meanwhile: only theirs can continue (mine kept in history)."""
        conflicts = self._services.conflicts
        while True:
            theirs = conflicts.theirs(self._assessment_id)
            view = self.view(mine, theirs, notice)
            choice = ConflictDialog.ask(self._parent, view)
            if choice is None:
                return None
            try:
                if choice is ConflictChoice.KEEP_MINE:
                    kept = conflicts.keep_mine(self._assessment_id, mine, actor=self._actor)
                    return ConflictOutcome(kept, mine_stored=True)
                taken = conflicts.take_theirs(self._assessment_id, mine, actor=self._actor)
            except RecordLockedError:
                notice = LOCKED_MEANWHILE
                continue
            except PermissionDeniedError as refused:
                notice = f"Not kept: {sentence(str(refused))}"
                continue
            wanted = choice is ConflictChoice.THEIRS_AND_ADDENDUM and bool(view.differences)
            text = addendum_draft(view.differences) if wanted else ""
            return ConflictOutcome(taken, mine_stored=False, addendum_text=text)

    def view(self, mine: Assessment, theirs: AssessmentRecord, notice: str = "") -> ConflictView:
        status = theirs.assessment.status
        verb = "Signed" if status is AssessmentStatus.SIGNED else "Saved"
        details = [f"version {theirs.version}", local_time_text(theirs.updated_at)]
        who = self.last_writer(theirs)
        if who:
            details.append(f"by {who}")
        return ConflictView(
            differences=tuple(differing_findings(mine, theirs.assessment)),
            theirs_title=f"{verb} on the other workstation",
            theirs_details=tuple(details),
            theirs_status=status,
            notice=notice,
        )

    def last_writer(self, theirs: AssessmentRecord) -> str:
        """Who wrote the stored version, as far as the record says ("" when unknown)."""
        if theirs.signature is not None:
            return theirs.signature.signer_name
        try:
            entries = self._services.audit.entries_for(EntityType.ASSESSMENT, theirs.id)
            users = {user.username: user for user in self._services.users.list_users()}
        except Exception:  # the name is a courtesy: never let it block the decision
            log.exception("could not read who saved assessment %s", theirs.id)
            return ""
        writes = [entry for entry in entries if entry.action in DOCUMENT_WRITES]
        if not writes or writes[-1].username == LOCAL_USERNAME:
            return ""  # a single-user installation: "by" the only clinician says nothing
        username = writes[-1].username
        user = users.get(username)
        return user.signature_name if user is not None else username
