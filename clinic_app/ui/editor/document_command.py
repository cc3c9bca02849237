"""An undoable edit of more than one finding, or of a part of the assessment that is not
a finding (hint decisions, the rehab plan): one command holding the whole document
before and after, like ``SetFindingCommand``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from clinic_app.domain.assessment import Assessment

if TYPE_CHECKING:
    from clinic_app.ui.editor.assessment_session import AssessmentSession


class DocumentEditCommand(QUndoCommand):
    def __init__(
        self, session: AssessmentSession, before: Assessment, after: Assessment, text: str,
        part: str,
    ) -> None:
        """``part``: what the editor shows after the change ("hints", "plan", "findings")."""
        super().__init__(text)
        self._session = session
        self.before = before
        self.after = after
        self.part = part

    def redo(self) -> None:
        self._session.apply_document(self.after, self.part)

    def undo(self) -> None:
        self._session.apply_document(self.before, self.part)
