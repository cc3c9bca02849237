"""The follow-up visit's short re-assessment form.

One row per finding the episode follows (``EpisodeService.follow_up_form``): the input,
empty ("not assessed"), and beside it what was recorded last time, as text only. The
previous value is never copied into the input: a follow-up records what is found today.
The form only collects values; the presenter saves them and hands back any refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.episode.follow_up import (
    COURSE_FIELDS,
    MEASURE_FIELDS,
    RED_FLAG_RECHECK,
    WHAT_CHANGED,
)
from clinic_app.domain.episode.measures import MEASURES_BY_KEY
from clinic_app.domain.fields import (
    FieldError,
    FieldSpec,
    Path,
    get_value,
    shortened,
    spec_index,
    with_value,
)
from clinic_app.domain.value_text import format_value
from clinic_app.ui.editor.fields.base import FieldWidget, UnparsedText
from clinic_app.ui.editor.fields.choice_radios import ChoiceRadioField
from clinic_app.ui.editor.fields.factory import create_field_widget

if TYPE_CHECKING:
    from clinic_app.services.episodes import FollowUpStart

DATE_PATH: Path = ("assessment_date",)
CLINICIAN_PATH: Path = ("clinician",)
TITLES = {WHAT_CHANGED: "What changed since last time"}
NOT_RECORDED = "not recorded"


@dataclass(frozen=True)
class FollowUpEntry:
    """What the clinician entered: the visit, the findings and the phase decision."""

    on: date | None
    clinician: str
    values: dict[Path, Any]
    move_on: bool


def previous_text(previous: Assessment, path: Path) -> str:
    """Last time's value of ``path`` in words ("not recorded" when it was missing)."""
    value = get_value(previous, path)
    if value is None or value == "":
        return NOT_RECORDED
    return format_value(value, spec_index(Assessment)[path])


def _title(spec: FieldSpec) -> str:
    title = TITLES.get(spec.path, spec.title)
    if spec.side:
        title = f"{title} ({spec.side})"
    # A test's name alone is ambiguous across sections ("Crepitus" of which test?).
    if len(spec.group_titles) > 1 and spec.path[0] not in ("outcomes", "history", "soap_text"):
        title = f"{spec.group_titles[-1]}: {title}"
    return title


class FollowUpDialog(QDialog):
    saveRequested = Signal(object)  # FollowUpEntry

    def __init__(self, start: FollowUpStart, on: date, clinician: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpDialog")
        self.setWindowTitle(f"Follow-up - {start.patient.display_name}")
        self.start = start
        self.fields: dict[Path, FieldWidget] = {}
        self.previous_labels: dict[Path, QLabel] = {}
        self._values: dict[Path, Any] = {}
        self._refused: dict[Path, str] = {}  # the refusal shown under each field

        layout = QVBoxLayout(self)
        last = start.previous.assessment_date.isoformat()
        heading = QLabel(
            f"Follow-up of {start.patient.display_name}. \"Last time\" shows the visit of "
            f"{last}; enter only what you find today.", self)
        heading.setObjectName("followUpHeading")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        layout.addWidget(heading)

        visit = QFormLayout()
        for path, value in ((DATE_PATH, on), (CLINICIAN_PATH, clinician)):
            widget = self._field(path, self)
            widget.set_value(value)
            self._values[path] = value
            visit.addRow(_title(widget.spec), widget)
        layout.addLayout(visit)

        body = QWidget(self)
        sections = QVBoxLayout(body)
        for title, paths in self._groups():
            if paths:
                sections.addWidget(self._group_box(title, paths, body))
        sections.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("followUpScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        proposal = start.proposal
        self.phase = QLabel(f"Plan at the last visit: {proposal.summary}", self)
        self.phase.setObjectName("followUpPhase")
        self.phase.setTextFormat(Qt.TextFormat.PlainText)
        self.phase.setWordWrap(True)
        layout.addWidget(self.phase)
        self.move_on = QCheckBox(self)
        self.move_on.setObjectName("followUpMoveOn")
        if proposal.next is None:
            self.move_on.setText("Last phase: nothing to move on to")
            self.move_on.setEnabled(False)
        else:
            self.move_on.setText(
                f"Move on to {proposal.next.label} if today's findings meet every criterion")
        layout.addWidget(self.move_on)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("followUpError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.request_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 700)

    # -- construction --------------------------------------------------------------------

    def _groups(self) -> list[tuple[str, list[Path]]]:
        fields = self.start.fields
        known = {*MEASURE_FIELDS, *RED_FLAG_RECHECK, *COURSE_FIELDS, ("follow_up_date",)}
        akps = MEASURES_BY_KEY["akps"].read(self.start.previous)
        kujala = f" (last time {akps:g}/100)" if akps is not None else ""
        return [
            ("Pain", [p for p in fields if p[:2] == ("outcomes", "pain")]),
            (f"Kujala AKPS{kujala}", [p for p in fields if p[:2] == ("outcomes", "kujala")]),
            ("KOOS-PF", [p for p in fields if p[:2] == ("outcomes", "koos_pf")]),
            ("Tests abnormal last time", [p for p in fields if p not in known]),
            ("New red flags?", [p for p in fields if p in RED_FLAG_RECHECK]),
            ("Adherence and what changed", [p for p in fields if p in COURSE_FIELDS]),
            ("Next visit", [p for p in fields if p == ("follow_up_date",)]),
        ]

    def _group_box(self, title: str, paths: list[Path], parent: QWidget) -> QGroupBox:
        box = QGroupBox(title, parent)
        form = QFormLayout(box)
        for path in paths:
            widget = self._field(path, box)
            widget.set_value(None)  # never last time's value: today's finding or nothing
            before = QLabel(f"Last time: {previous_text(self.start.previous, path)}", box)
            before.setObjectName("previousValue")
            before.setTextFormat(Qt.TextFormat.PlainText)
            before.setWordWrap(True)
            before.setStyleSheet("color: palette(placeholder-text);")
            self.previous_labels[path] = before
            row = QWidget(box)
            stacked = widget.spec.kind == "text" or isinstance(widget, ChoiceRadioField)
            cells = QVBoxLayout(row) if stacked else QHBoxLayout(row)
            cells.setContentsMargins(0, 0, 0, 0)
            cells.addWidget(widget)
            cells.addWidget(before)
            form.addRow(_title(widget.spec), row)
        return box

    def _field(self, path: Path, parent: QWidget) -> FieldWidget:
        spec = spec_index(Assessment)[path]
        widget = create_field_widget(spec, parent)
        widget.setObjectName("followUpField:" + spec.key)
        widget.edited.connect(lambda value, path=path: self._on_edited(path, value))
        self.fields[path] = widget
        return widget

    # -- editing -------------------------------------------------------------------------

    def _on_edited(self, path: Path, value: Any) -> None:
        widget = self.fields[path]
        spec = widget.spec
        try:
            if isinstance(value, UnparsedText):
                raise FieldError(path, value.text, spec.allowed(), spec.title)
            with_value(self.start.previous, path, value)  # the field's own rules
        except FieldError as error:
            self._values.pop(path, None)
            self._refused[path] = (f"{shortened(widget.typed_text() or error.value)} is not "
                                   f"allowed: expected {error.allowed}")
            widget.show_error(self._refused[path])
            return
        self._refused.pop(path, None)
        widget.clear_error()
        self._values[path] = value

    def entry(self) -> FollowUpEntry:
        values = {path: value for path, value in self._values.items()
                  if path not in (DATE_PATH, CLINICIAN_PATH)}
        return FollowUpEntry(self._values.get(DATE_PATH),
                             str(self._values.get(CLINICIAN_PATH) or ""), values,
                             self.move_on.isChecked())

    def request_save(self) -> None:
        """Save unless a field shows a refusal (then that field gets the focus)."""
        refused = [path for path in self.fields if path in self._refused]
        if refused:
            first = refused[0]
            self.show_refusal(
                f"Not saved: {_title(self.fields[first].spec)}: {self._refused[first]}", first)
            return
        if self._values.get(DATE_PATH) is None:
            self.show_refusal("Not saved: Assessment date: a date is needed (YYYY-MM-DD)",
                              DATE_PATH)
            return
        self.error_label.clear()
        self.saveRequested.emit(self.entry())

    def show_refusal(self, message: str, path: Path | None = None) -> None:
        """Say why nothing was saved; what was entered stays in the form."""
        self.error_label.setText(message)
        widget = self.fields.get(path) if path is not None else None
        if widget is not None:
            widget.show_error(message.removeprefix("Not saved: "), immediately=True)
            self.findChild(QScrollArea).ensureWidgetVisible(widget)
            widget.focus_input()

