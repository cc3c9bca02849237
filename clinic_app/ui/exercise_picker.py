"""Choose an exercise to add to the plan: picture, name and target of each, a large preview."""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.rehab.library import ExerciseLibrary
from clinic_app.ui.exercise_library import ICON_SIZE, illustration_icon, illustration_path

ExerciseIdRole = Qt.ItemDataRole.UserRole
PREVIEW_SIZE = QSize(320, 240)


class ExercisePickerDialog(QDialog):
    def __init__(
        self,
        library: ExerciseLibrary,
        exclude: Collection[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exercisePickerDialog")
        self.setWindowTitle("Add an exercise")
        self._library = library
        self.list = QListWidget(self)
        self.list.setObjectName("exercisePickerList")
        self.list.setAccessibleName("Exercises not yet in the plan")
        self.list.setIconSize(ICON_SIZE)
        self.list.setSpacing(2)
        for exercise in library:
            if exercise.id in exclude:
                continue
            item = QListWidgetItem(
                illustration_icon(exercise.id), f"{exercise.name}\n{exercise.target}", self.list
            )
            item.setData(ExerciseIdRole, exercise.id)
            item.setToolTip(exercise.target)
        self.preview = QSvgWidget(self)
        self.preview.setObjectName("exercisePreview")
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.details = QLabel(self)
        self.details.setObjectName("exerciseDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setFixedWidth(PREVIEW_SIZE.width())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add to plan")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())

        side = QVBoxLayout()
        side.addWidget(self.preview)
        side.addWidget(self.details)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        self.resize(820, 560)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._show_current()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ExerciseIdRole) if item is not None else None

    def _show_current(self, *_: object) -> None:
        exercise_id = self.selected_id()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(exercise_id is not None)
        if exercise_id is None:
            self.details.setText("Every exercise of the library is already in the plan.")
            return
        exercise = self._library.get(exercise_id)
        self.preview.load(str(illustration_path(exercise)))
        steps = "".join(f"<li>{escape(step)}</li>" for step in exercise.instructions)
        self.details.setText(
            f"<b>{escape(exercise.name)}</b><br>{escape(exercise.target)}<br>"
            f"<i>{escape(exercise.default_dose)}, {escape(exercise.frequency)}</i><ol>{steps}</ol>"
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, library: ExerciseLibrary, exclude: Collection[str] = ()
    ) -> str | None:
        """The chosen exercise id, or None when cancelled (tests replace this method)."""
        dialog = cls(library, exclude, parent)
        return dialog.selected_id() if dialog.exec() == QDialog.DialogCode.Accepted else None
