"""The real main window with an assessment open: every text shows as written (no HTML
entity, no stray mnemonic), and at 1366x768 no label is clipped and the exam form needs
no horizontal scrolling."""

from __future__ import annotations

import re

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)

from clinic_app.domain.assessment import EXAM_SECTIONS
from clinic_app.ui.editor.assessment_editor import AssessmentEditor
from clinic_app.ui.hints_panel import HintCard
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.ui import demo_case_editing
from tests.ui.demo_case_editing import DemoClinic

clinic = demo_case_editing.clinic

ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);|\b(quot|gt|lt|amp|nbsp|apos);", re.IGNORECASE)
LAPTOP = (1366, 768)


def shown_text(text: str, *, rich: bool, mnemonic: bool) -> tuple[str, list[str]]:
    """What the user reads, and the problems of the mnemonic markers in ``text``."""
    problems = []
    if mnemonic:
        singles = re.findall(r"(?<!&)&(?!&)(.?)", text.replace("&&", ""))
        if len(singles) > 1 or any(not c.isalnum() for c in singles):
            problems.append(f"stray mnemonic in {text!r}")
        text = re.sub(r"&(.)", r"\1", text)
    if rich:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return text, problems


def texts_of(widget: QWidget) -> list[tuple[str, bool, bool]]:
    """(text, is rich text, carries a mnemonic) for what ``widget`` shows itself."""
    found = []
    if isinstance(widget, QLabel):
        rich = widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText
            and QtGui.Qt.mightBeRichText(widget.text())
        )
        found.append((widget.text(), rich, widget.buddy() is not None))
    elif isinstance(widget, QAbstractButton):
        found.append((widget.text(), False, True))
    elif isinstance(widget, QGroupBox):
        found.append((widget.title(), False, True))
    elif isinstance(widget, QTabWidget):
        found.extend((widget.tabText(i), False, True) for i in range(widget.count()))
    if widget.toolTip():
        found.append((widget.toolTip(), QtGui.Qt.mightBeRichText(widget.toolTip()), False))
    return found


def problems_in(window: MainWindow) -> list[str]:
    problems = []
    for widget in [window, *window.findChildren(QWidget)]:
        for text, rich, mnemonic in texts_of(widget):
            shown, mnemonic_problems = shown_text(text, rich=rich, mnemonic=mnemonic)
            problems.extend(mnemonic_problems)
            if ENTITY.search(shown):
                problems.append(f"entity shown in {type(widget).__name__}: {shown!r}")
    for action in window.findChildren(QAction):
        for text in (action.text(), action.toolTip()):
            shown, mnemonic_problems = shown_text(text, rich=False, mnemonic=True)
            problems.extend(mnemonic_problems)
            if ENTITY.search(shown):
                problems.append(f"entity shown in action: {shown!r}")
    return problems


@pytest.fixture
def window(qtbot, clinic: DemoClinic) -> MainWindow:
    AppSettings().patient_list_visible = False
    window = MainWindow(clinic.services, AppSettings())
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    assert window.select_patient(clinic.patient(1).id)
    window.open_selected_assessment()
    qtbot.waitUntil(lambda: window.editor_area.current_editor() is not None)
    return window


def current_editor(window: MainWindow) -> AssessmentEditor:
    editor = window.editor_area.current_editor()
    assert editor is not None
    return editor


def test_no_text_shows_an_entity_or_a_stray_mnemonic(window: MainWindow) -> None:
    editor = current_editor(window)
    for card in editor.hints_panel.findChildren(HintCard):
        card.set_expanded(True)
    problems = problems_in(window)
    assert problems == []
    titles = [label.text() for label in editor.findChildren(QLabel)]
    assert 'Kneecap "slipping out"' in titles
    assert any(title.startswith("Bedridden >= 3 days") for title in titles)


def clipped_labels(root: QWidget) -> list[str]:
    clipped = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.wordWrap():
            continue
        if label.width() < label.minimumSizeHint().width():
            clipped.append(f"{label.text()!r}: {label.width()} < {label.minimumSizeHint().width()}")
    for label in root.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.hasHeightForWidth():
            needed = label.heightForWidth(label.width())
            if label.height() < needed:
                clipped.append(f"{label.text()[:40]!r}: height {label.height()} < {needed}")
    return clipped


def test_the_exam_fits_a_laptop_screen(qtbot, window: MainWindow) -> None:
    editor = current_editor(window)
    assert window.size().width() <= LAPTOP[0]
    for section in EXAM_SECTIONS:
        editor.show_section(section)
        qtbot.wait(10)  # the page's layout runs from the event loop
        assert not editor.scroll.horizontalScrollBar().isVisible(), section
        page = editor.section_pages[section]
        assert clipped_labels(page) == [], section
    assert clipped_labels(editor.hints_panel) == []
    for card in editor.hints_panel.findChildren(HintCard):
        card.set_expanded(True)  # the findings, reasoning, sources and go-to buttons
    qtbot.wait(10)
    panel = editor.hints_panel.scroll
    assert not panel.horizontalScrollBar().isVisible()
    for card in editor.hints_panel.findChildren(HintCard):
        assert card.geometry().right() <= panel.viewport().width(), card.rule_id
    assert clipped_labels(editor.hints_panel) == []
    editor.set_guided(True)
    qtbot.wait(10)
    assert not editor.guided_scroll.horizontalScrollBar().isVisible()
    assert clipped_labels(editor.guided_page) == []

