"""The SOAP note page: the clinician's own words for S, O, A and P, follow-up and referral.

These are findings like any other (``domain.fields`` specs), so they are edited, undone
and autosaved exactly like the exam; the generated parts of the note come from the exam.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import Path, spec_index
from clinic_app.ui.editor.fields.base import FieldWidget
from clinic_app.ui.editor.fields.factory import create_field_widget
from clinic_app.ui.editor.fields.text_field import TextField

NOTE_ROOTS = ("soap_text", "follow_up_date", "referral")
FREE_TEXT_HEIGHT = 110
LABEL_WIDTH = 110
INTRO = (
    "The note's S, O, A and P are generated from the exam and the decision support. "
    "Add your own words to any section here; they are printed under that section."
)


def note_paths() -> list[Path]:
    return [path for path in spec_index(Assessment) if path[0] in NOTE_ROOTS]


class NotePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePage")
        self.fields: dict[Path, FieldWidget] = {}
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
        free_text = [p for p in note_paths() if p[0] == "soap_text"]
        others = [p for p in note_paths() if p[0] != "soap_text"]
        for title, paths in (("Clinician's notes", free_text), ("Plan details", others)):
            box = QGroupBox(title, self)
            grid = QGridLayout(box)
            grid.setColumnStretch(1, 1)
            for row, path in enumerate(paths):
                spec = specs[path]
                # "Subjective: clinician's notes" -> "Subjective": the box says whose notes
                label = QLabel(spec.title.split(":")[0], box)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setMinimumWidth(LABEL_WIDTH)
                widget = create_field_widget(spec, box)
                if isinstance(widget, TextField) and widget.notes_edit is not None:
                    widget.notes_edit.setFixedHeight(FREE_TEXT_HEIGHT)
                    widget.notes_edit.setPlaceholderText("none")
                label.setBuddy(widget)
                grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(widget, row, 1)
                self.fields[path] = widget
            layout.addWidget(box)
        layout.addStretch(1)
