"""The rehab plan page: the plan generated from the findings, edited by the clinician.

The page never changes the assessment itself: each edit is computed with the domain's
plan editing functions and requested through ``planChangeRequested`` (the editor turns
it into an undoable command). ``None`` as the requested plan means "follow the findings
again" (regenerate).
"""

from __future__ import annotations

from html import escape

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.episode.phases import what_comes_next
from clinic_app.domain.rehab.editing import (
    PlanEditError,
    add_exercise,
    change_dose,
    move_exercise,
    remove_exercise,
)
from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.ui.exercise_library import ICON_SIZE, illustration_icon
from clinic_app.ui.exercise_picker import ExercisePickerDialog

ExerciseIdRole = Qt.ItemDataRole.UserRole
GENERATED_TEXT = (
    "Generated from the findings: it follows them until you change it. "
    "What you see here is what the patient's plan will contain."
)
EDITED_TEXT = (
    "Edited by you: the plan no longer follows the findings. "
    "\"Regenerate from findings\" starts again from the findings."
)
REFERRAL_STYLE = (
    "#planReferral { background: #b00020; border-radius: 4px; }"
    "#planReferral QLabel { color: #ffffff; }"
)


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class PlanPage(QWidget):
    planChangeRequested = Signal(object, str)  # RehabPlan | None, description

    def __init__(self, library: ExerciseLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planPage")
        self._library = library
        self._plan: RehabPlan | None = None
        self._edited = False
        self._read_only = False

        heading = _bold(QLabel("Rehab plan", self), 1.3)
        self.status = QLabel(self)
        self.status.setObjectName("planStatus")
        self.status.setWordWrap(True)
        self.phase = QLabel(self)
        self.phase.setObjectName("planPhase")
        self.phase.setWordWrap(True)
        self.phase.setTextFormat(Qt.TextFormat.RichText)

        self.referral = QFrame(self)
        self.referral.setObjectName("planReferral")
        self.referral.setStyleSheet(REFERRAL_STYLE)
        self.referral_text = _bold(QLabel(self.referral), 1.1)
        self.referral_text.setObjectName("planReferralText")
        self.referral_text.setWordWrap(True)
        self.referral_text.setTextFormat(Qt.TextFormat.PlainText)
        self.referral.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        referral_layout = QVBoxLayout(self.referral)
        referral_layout.setContentsMargins(10, 8, 10, 8)
        referral_layout.addWidget(self.referral_text)

        self.programme = QWidget(self)
        self._build_programme()

        self.regenerate = QPushButton("&Regenerate from findings\u2026", self)
        self.regenerate.setObjectName("regeneratePlanButton")
        self.regenerate.setToolTip("Discard your changes to the plan and follow the findings")
        self.regenerate.clicked.connect(self._on_regenerate)
        bottom = QHBoxLayout()
        bottom.addWidget(self.regenerate)
        bottom.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.status)
        layout.addWidget(self.phase)
        layout.addWidget(self.referral)
        layout.addWidget(self.programme, 1)
        # Takes the spare height only while the programme (which otherwise takes it) is hidden
        self._filler = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        layout.addItem(self._filler)
        layout.addLayout(bottom)

    def _build_programme(self) -> None:
        box = self.programme
        title = _bold(QLabel("&Exercises", box))
        self.list = QListWidget(box)
        self.list.setObjectName("planExerciseList")
        self.list.setAccessibleName("Exercises in the plan")
        self.list.setIconSize(ICON_SIZE)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._show_selected)
        title.setBuddy(self.list)

        self.add = QPushButton("&Add exercise\u2026", box)
        self.add.setObjectName("addExerciseButton")
        self.remove = QPushButton("Remo&ve", box)
        self.remove.setObjectName("removeExerciseButton")
        self.remove.setToolTip("Remove the selected exercise (Delete)")
        self.up = QPushButton("Move &up", box)
        self.up.setObjectName("moveExerciseUpButton")
        self.up.setToolTip("Move the selected exercise up (Alt+Up)")
        self.down = QPushButton("Move &down", box)
        self.down.setObjectName("moveExerciseDownButton")
        self.down.setToolTip("Move the selected exercise down (Alt+Down)")
        self.add.clicked.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)
        self.up.clicked.connect(lambda: self._on_move(-1))
        self.down.clicked.connect(lambda: self._on_move(+1))
        for keys, slot in (
            ("Alt+Up", lambda: self._on_move(-1)),
            ("Alt+Down", lambda: self._on_move(+1)),
            (QKeySequence.StandardKey.Delete, self._on_remove),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        buttons = QVBoxLayout()
        for button in (self.add, self.remove, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.dose = QLineEdit(box)
        self.dose.setObjectName("doseEdit")
        self.dose.setMaxLength(200)
        self.dose.setAccessibleName("Dose of the selected exercise")
        self.frequency = QLineEdit(box)
        self.frequency.setObjectName("frequencyEdit")
        self.frequency.setMaxLength(200)
        self.frequency.setAccessibleName("How often, for the selected exercise")
        self.dose.editingFinished.connect(self._on_dose_edited)
        self.frequency.editingFinished.connect(self._on_dose_edited)
        self.reason = QLabel(box)
        self.reason.setObjectName("exerciseReason")
        self.reason.setWordWrap(True)
        dose_form = QFormLayout()
        dose_form.addRow("D&ose:", self.dose)
        dose_form.addRow("How &often:", self.frequency)
        dose_form.addRow("Why:", self.reason)
        self.error = QLabel(box)
        self.error.setObjectName("planError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.measures = QLabel(box)
        self.measures.setObjectName("planMeasures")
        self.measures.setWordWrap(True)
        self.measures.setTextFormat(Qt.TextFormat.RichText)

        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(row, 1)
        layout.addLayout(dose_form)
        layout.addWidget(self.error)
        layout.addWidget(self.measures)

    # -- showing ------------------------------------------------------------------------

    @property
    def plan(self) -> RehabPlan | None:
        return self._plan

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """Show the plan of a signed note: browsable and copyable, never changed."""
        self._read_only = read_only
        self.add.setEnabled(not read_only)
        self.regenerate.setEnabled(self._edited and not read_only)
        self.dose.setReadOnly(read_only)
        self.frequency.setReadOnly(read_only)
        self._show_selected()

    def show_plan(self, plan: RehabPlan, edited: bool) -> None:
        if plan == self._plan and edited == self._edited:
            return
        selected = self.selected_id()
        self._plan = plan
        self._edited = edited
        self.status.setText(EDITED_TEXT if edited else GENERATED_TEXT)
        self.regenerate.setEnabled(edited and not self._read_only)
        basis = f" <small>({escape(plan.phase_basis)})</small>" if plan.phase_basis else ""
        self.phase.setText(f"<b>{escape(plan.phase.label)}</b>{basis}"
                           f"<br>{escape(what_comes_next(plan.phase))}")
        withheld = not plan.loading_programme_allowed
        self.referral.setVisible(withheld)
        self.programme.setVisible(not withheld)
        spare = QSizePolicy.Policy.Expanding if withheld else QSizePolicy.Policy.Minimum
        self._filler.changeSize(0, 0, QSizePolicy.Policy.Minimum, spare)
        self.layout().invalidate()
        if withheld:
            self.referral_text.setText(
                "\u26a0 No loading programme: refer first.\n"
                + (plan.referral_advice or "See the decision-support panel.")
            )
            return
        self._fill_list(plan, selected)
        self.measures.setText(self._measures_html(plan))

    def _fill_list(self, plan: RehabPlan, selected: str | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for item in plan.exercises:
            exercise = self._library.get(item.exercise_id)
            row = QListWidgetItem(
                illustration_icon(exercise.id),
                f"{exercise.name}: {item.dose}, {item.frequency}\n{exercise.target}",
                self.list,
            )
            row.setData(ExerciseIdRole, exercise.id)
            row.setToolTip(item.reason)
        self.list.blockSignals(False)
        ids = plan.exercise_ids()
        if ids:
            self.list.setCurrentRow(ids.index(selected) if selected in ids else 0)
        self._show_selected()

    @staticmethod
    def _measures_html(plan: RehabPlan) -> str:
        if not plan.measures:
            return ""
        rows = "".join(
            f"<li>{escape(m.measure.label)} <small>({escape(m.reason)})</small></li>"
            for m in plan.measures
        )
        return f"<b>Also in the plan</b><ul>{rows}</ul>"

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ExerciseIdRole) if item is not None else None

    def _show_selected(self, *_: object) -> None:
        exercise_id = self.selected_id()
        planned = next(
            (p for p in (self._plan.exercises if self._plan else ()) if p.exercise_id ==
             exercise_id),
            None,
        )
        for widget in (self.dose, self.frequency):
            widget.setEnabled(planned is not None)
        editable = planned is not None and not self._read_only
        self.remove.setEnabled(editable)
        row = self.list.currentRow()
        self.up.setEnabled(editable and row > 0)
        self.down.setEnabled(editable and row < self.list.count() - 1)
        self.dose.setText(planned.dose if planned else "")
        self.frequency.setText(planned.frequency if planned else "")
        self.reason.setText(planned.reason if planned else "")

    # -- edits --------------------------------------------------------------------------

    def _request(self, plan: RehabPlan, description: str) -> None:
        if self._read_only:
            return
        self.error.hide()
        self.planChangeRequested.emit(plan, description)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _on_add(self) -> None:
        if self._plan is None or self._read_only:
            return
        chosen = ExercisePickerDialog.ask(self, self._library, self._plan.exercise_ids())
        if chosen is None:
            return
        try:
            plan = add_exercise(self._plan, self._library, chosen)
        except (PlanEditError, KeyError) as error:
            self._show_error(str(error))
            return
        self._request(plan, f"Add {self._library.get(chosen).name}")
        self._select(chosen)

    def _on_remove(self) -> None:
        exercise_id = self.selected_id()
        if self._plan is None or exercise_id is None:
            return
        row = self.list.currentRow()
        self._request(
            remove_exercise(self._plan, exercise_id),
            f"Remove {self._library.get(exercise_id).name}",
        )
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _on_move(self, step: int) -> None:
        exercise_id = self.selected_id()
        if self._plan is None or exercise_id is None:
            return
        target = self.list.currentRow() + step
        if not 0 <= target < self.list.count():
            return
        self._request(
            move_exercise(self._plan, exercise_id, target),
            f"Move {self._library.get(exercise_id).name}",
        )
        self._select(exercise_id)

    def _on_dose_edited(self) -> None:
        exercise_id = self.selected_id()
        if self._plan is None or exercise_id is None:
            return
        current = next(p for p in self._plan.exercises if p.exercise_id == exercise_id)
        dose, frequency = self.dose.text().strip(), self.frequency.text().strip()
        if (dose, frequency) == (current.dose, current.frequency):
            return
        try:
            plan = change_dose(self._plan, exercise_id, dose, frequency)
        except ValidationError as error:
            field = str(error.errors()[0]["loc"][0])
            title = "Dose" if field == "dose" else "How often"
            shown = dose if field == "dose" else frequency
            self._show_error(
                f"{title}: {shown!r} is not allowed; expected text of 1 to 200 characters."
            )
            self._show_selected()
            return
        self._request(plan, f"Change dose of {self._library.get(exercise_id).name}")

    def _select(self, exercise_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ExerciseIdRole) == exercise_id:
                self.list.setCurrentRow(row)
                return

    def _on_regenerate(self) -> None:
        if self._edited and self.confirm_regenerate(self):
            self._request_regenerate()

    def _request_regenerate(self) -> None:
        if self._read_only:
            return
        self.error.hide()
        self.planChangeRequested.emit(None, "Regenerate plan from findings")

    @classmethod
    def confirm_regenerate(cls, parent: QWidget | None) -> bool:
        """Ask before discarding the clinician's plan edits (tests replace this method)."""
        answer = QMessageBox.question(
            parent,
            "Regenerate the rehab plan",
            "Discard your changes to the exercises and doses and build the plan again from "
            "the findings? You can undo this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
