"""Every edit of a finding is one undoable command holding the document before and after."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import Path

if TYPE_CHECKING:
    from clinic_app.ui.editor.assessment_session import AssessmentSession

TYPING_COMMAND_ID = 2001


class SetFindingCommand(QUndoCommand):
    """Set one finding. Commands from one typing session in one field merge into one step."""

    def __init__(
        self,
        session: AssessmentSession,
        path: Path,
        before: Assessment,
        after: Assessment,
        title: str,
        merge_key: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(f"Edit {title}")
        self._session = session
        self.path = path
        self.before = before
        self.after = after
        self.merge_key = merge_key
        # The first redo of a typed edit comes from the widget that shows it already.
        self.from_widget = True

    def id(self) -> int:
        return TYPING_COMMAND_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, SetFindingCommand)
            or other.path != self.path
            or other.merge_key != self.merge_key
        ):
            return False
        self.after = other.after
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self._session.apply_finding(self.after, self.path, not self.from_widget)
        self.from_widget = False

    def undo(self) -> None:
        self._session.apply_finding(self.before, self.path, True)
