"""The SOAP note page: the generated S, O, A and P as they will print, each beside the
clinician's own words for that section, then the follow-up date and referral.

The clinician's words are findings like any other (``domain.fields`` specs), so they are
edited, undone and autosaved exactly like the exam. The generated parts come from the
domain's note (``domain.soap``) in the plain-text form of ``reports.soap_text``; the
editor refreshes them after each evaluation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import Path, spec_index
from clinic_app.domain.soap.document import SoapNote
from clinic_app.reports.soap_text import generated_lines
from clinic_app.ui.editor.fields.base import FieldWidget
from clinic_app.ui.editor.fields.factory import create_field_widget
from clinic_app.ui.editor.fields.text_field import TextField

NOTE_ROOTS = ("soap_text", "follow_up_date", "referral")
FREE_TEXT_HEIGHT = 110
LABEL_WIDTH = 110
SECTION_LETTERS = {"subjective": "S", "objective": "O", "assessment": "A", "plan": "P"}
INTRO = (
    "Left: the note's S, O, A and P as they will print, generated from the exam and the "
    "decision support (updated as you work). Right: your own words for each section, "
    "printed under it."
)
NOTHING_YET = "(nothing generated yet)"
PREVIEW_WIDTH = 10_000  # characters: no fixed line breaks, the preview wraps to the window


def note_paths() -> list[Path]:
    return [path for path in spec_index(Assessment) if path[0] in NOTE_ROOTS]


class NotePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePage")
        self.fields: dict[Path, FieldWidget] = {}
        self.generated: dict[str, QLabel] = {}  # letter -> the generated text as printed
        heading = QLabel("SOAP note", self)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        specs = spec_index(Assessment)
        for path in (p for p in note_paths() if p[0] == "soap_text"):
            layout.addWidget(self._section_box(path, specs[path].title.split(":")[0]))
        box = QGroupBox("Plan details", self)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        for row, path in enumerate(p for p in note_paths() if p[0] != "soap_text"):
            label = QLabel(specs[path].title, box)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setMinimumWidth(LABEL_WIDTH)
            widget = self._field(path, box)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, 1)
        layout.addWidget(box)
        layout.addStretch(1)

    def _section_box(self, path: Path, title: str) -> QGroupBox:
        letter = SECTION_LETTERS[path[-1]]
        box = QGroupBox(f"{letter} \u2013 {title}", self)
        box.setObjectName(f"noteSection{letter}")
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        generated = QLabel(NOTHING_YET, box)
        generated.setObjectName(f"generated{letter}")
        generated.setTextFormat(Qt.TextFormat.PlainText)
        generated.setWordWrap(True)
        generated.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        generated.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        generated.setAccessibleName(f"{title} as printed")
        self.generated[letter] = generated
        own = QLabel("Your words", box)
        own.setTextFormat(Qt.TextFormat.PlainText)
        widget = self._field(path, box)
        own.setBuddy(widget)
        column = QVBoxLayout()
        column.addWidget(own)
        column.addWidget(widget)
        column.addStretch(1)
        grid.addWidget(generated, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(column, 0, 1)
        return box

    def _field(self, path: Path, parent: QWidget) -> FieldWidget:
        widget = create_field_widget(spec_index(Assessment)[path], parent)
        if isinstance(widget, TextField) and widget.notes_edit is not None:
            widget.notes_edit.setFixedHeight(FREE_TEXT_HEIGHT)
            widget.notes_edit.setPlaceholderText("none")
        self.fields[path] = widget
        return widget

    def show_note(self, note: SoapNote) -> None:
        """Show the generated part of each section of ``note`` as it will print."""
        for section in note.sections:
            label = self.generated.get(section.letter)
            if label is not None:
                lines = generated_lines(section, PREVIEW_WIDTH)  # the label wraps to its width
                label.setText("\n".join(lines).strip("\n") or NOTHING_YET)

    def generated_text(self, letter: str) -> str:
        return self.generated[letter].text()
