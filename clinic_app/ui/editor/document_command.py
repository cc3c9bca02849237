"""An undoable edit of a part of the assessment that is not a single finding.

Hint decisions and the rehab plan are edited through their own widgets; each change
is one command holding the whole document before and after, like ``SetFindingCommand``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from clinic_app.domain.assessment import Assessment

# (document, page to show: "hints" or "plan")
AdoptDocument = Callable[[Assessment, str], None]


class DocumentEditCommand(QUndoCommand):
    def __init__(
        self, adopt: AdoptDocument, before: Assessment, after: Assessment, text: str, page: str
    ) -> None:
        super().__init__(text)
        self._adopt = adopt
        self.before = before
        self.after = after
        self.page = page

    def redo(self) -> None:
        self._adopt(self.after, self.page)

    def undo(self) -> None:
        self._adopt(self.before, self.page)
