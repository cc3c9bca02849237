"""Every edit of a finding is one undoable command holding the document before and after."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import Path

TYPING_COMMAND_ID = 2001

# (document, path of the changed finding, whether the finding's widget must be refreshed)
Adopt = Callable[[Assessment, Path, bool], None]


class SetFindingCommand(QUndoCommand):
    """Set one finding. Commands from one typing session in one field merge into one step."""

    def __init__(
        self,
        adopt: Adopt,
        path: Path,
        before: Assessment,
        after: Assessment,
        title: str,
        merge_key: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(f"Edit {title}")
        self._adopt = adopt
        self.path = path
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self._from_widget = True  # the first redo comes from the widget that shows it already

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
        self._adopt(self.after, self.path, not self._from_widget)
        self._from_widget = False

    def undo(self) -> None:
        self._adopt(self.before, self.path, True)
