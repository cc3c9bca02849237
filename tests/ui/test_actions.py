"""Every action exists once, named, with the standard shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from clinic_app.ui.actions import ActionRegistry, action_specs


def _registry(qtbot) -> tuple[QWidget, ActionRegistry, QUndoGroup]:
    widget = QWidget()
    qtbot.addWidget(widget)
    group = QUndoGroup(widget)
    return widget, ActionRegistry(widget, group), group


def _shortcut_texts(action: QAction) -> list[str]:
    return [seq.toString(QKeySequence.SequenceFormat.PortableText) for seq in action.shortcuts()]


def test_actions_are_found_by_object_name_with_their_shortcuts(qtbot) -> None:
    widget, _, _ = _registry(qtbot)
    expected = {
        "newPatientAction": "Ctrl+N",
        "findAction": "Ctrl+F",
        "undoAction": "Ctrl+Z",
        "redoAction": "Ctrl+Shift+Z",
        "quitAction": "Ctrl+Q",
        "nextSectionAction": "Ctrl+PgDown",
        "previousSectionAction": "Ctrl+PgUp",
        "newAssessmentAction": "Ctrl+Shift+N",
        "editPatientAction": "Ctrl+E",
    }
    for name, shortcut in expected.items():
        action = widget.findChild(QAction, name)
        assert action is not None, name
        assert shortcut in _shortcut_texts(action), (name, _shortcut_texts(action))


def test_names_and_shortcuts_are_unique(qtbot) -> None:
    widget, registry, _group = _registry(qtbot)
    names = [action.objectName() for action in registry.all()]
    assert len(names) == len(set(names)) == len(action_specs()) + 2  # + undo and redo
    all_shortcuts = [text for action in registry.all() for text in _shortcut_texts(action)]
    assert len(all_shortcuts) == len(set(all_shortcuts))
    assert all(action.statusTip() for action in registry.all())
    assert set(widget.actions()) == set(registry.all())  # shortcuts work without menus


def test_undo_and_redo_act_on_the_active_stack(qtbot) -> None:
    _widget, registry, group = _registry(qtbot)
    assert not registry.undo.isEnabled()
    stack = QUndoStack(group)
    group.setActiveStack(stack)
    values: list[int] = []

    class Append(QUndoCommand):
        def redo(self) -> None:
            values.append(1)

        def undo(self) -> None:
            values.pop()

    stack.push(Append("add one"))
    assert registry.undo.isEnabled()
    registry.undo.trigger()
    assert values == []
    registry.redo.trigger()
    assert values == [1]
