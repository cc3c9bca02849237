"""Answers for the record dialogs (sign, addendum, conflict) and a reader for notices.

Each replaces a dialog's ``ask`` classmethod: it records what the dialog would have shown
and returns the next prepared answer (None, "cancelled", when none are left).
"""

from __future__ import annotations

from typing import Any

import pytest

from clinic_app.ui.conflict_dialog import ConflictChoice, ConflictDialog, ConflictView
from clinic_app.ui.editor.addendum_dialog import AddendumDialog
from clinic_app.ui.editor.record_notice import RecordNotice
from clinic_app.ui.sign_dialog import SignDecision, SignDialog, SignRequest


class _Answers:
    def __init__(self, answers: list[Any]) -> None:
        self.answers = list(answers)

    def _next(self) -> Any:
        return self.answers.pop(0) if self.answers else None


class SignAnswers(_Answers):
    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: SignDecision | None) -> None:
        super().__init__(list(answers))
        self.requests: list[SignRequest] = []
        monkeypatch.setattr(SignDialog, "ask", classmethod(self._ask))

    def _ask(self, cls: type, parent: object, request: SignRequest) -> SignDecision | None:
        self.requests.append(request)
        return self._next()


class AddendumAnswers(_Answers):
    """``answers`` may be callables: called with the pre-filled text, they return the text."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: Any) -> None:
        super().__init__(list(answers))
        self.shown: list[tuple[str, str]] = []  # (pre-filled text, error)
        monkeypatch.setattr(AddendumDialog, "ask", classmethod(self._ask))

    def _ask(self, cls: type, parent: object, text: str = "", error: str = "") -> str | None:
        self.shown.append((text, error))
        answer = self._next()
        return answer(text) if callable(answer) else answer


class ConflictAnswers(_Answers):
    """``answers`` may be callables: called with the view, they return the choice (a test
    can act as the other workstation while the dialog is open)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: Any) -> None:
        super().__init__(list(answers))
        self.views: list[ConflictView] = []
        monkeypatch.setattr(ConflictDialog, "ask", classmethod(self._ask))

    def _ask(self, cls: type, parent: object, view: ConflictView) -> ConflictChoice | None:
        self.views.append(view)
        answer = self._next()
        return answer(view) if callable(answer) else answer


class Notices:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str]] = []
        monkeypatch.setattr(RecordNotice, "show", classmethod(self._show))

    def _show(self, cls: type, parent: object, title: str, text: str) -> None:
        self.shown.append((title, text))
