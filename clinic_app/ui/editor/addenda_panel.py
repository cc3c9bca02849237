"""The addenda of a signed note, oldest first, and the button to add one.

Shown under the record banner only for signed notes (addenda are how they are corrected).
The text is read-only but selectable, so an addendum can be copied into another record.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.records.signature import Addendum
from clinic_app.ui.editor.record_notice import local_time_text

LIST_MAX_HEIGHT = 150  # then it scrolls: the exam below stays usable
LIST_MIN_HEIGHT = 40
NO_ADDENDA = "No addenda. Corrections or later remarks to this signed note are added here."


def addendum_heading(number: int, addendum: Addendum) -> str:
    return f"Addendum {number} \u00b7 {addendum.author_name} \u00b7 " + local_time_text(
        addendum.created_at
    )


def addenda_html(addenda: tuple[Addendum, ...]) -> str:
    blocks = []
    for number, addendum in enumerate(addenda, start=1):
        text = escape(addendum.text).replace("\n", "<br>")
        blocks.append(
            f"<p style='margin-bottom:6px'><b>{escape(addendum_heading(number, addendum))}"
            f"</b><br>{text}</p>"
        )
    return "".join(blocks)


class AddendaPanel(QFrame):
    addendumRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addendaPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._addenda: tuple[Addendum, ...] = ()
        self.heading = QLabel("Addenda", self)
        self.heading.setObjectName("addendaHeading")
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.add_button = QPushButton("Add a&ddendum\u2026", self)
        self.add_button.setObjectName("addAddendumButton")
        self.add_button.setToolTip("Add a correction or remark to this signed note (Ctrl+Alt+A)")
        self.add_button.clicked.connect(self.addendumRequested)
        self.empty = QLabel(NO_ADDENDA, self)
        self.empty.setObjectName("noAddendaLabel")
        self.empty.setWordWrap(True)
        self.list = QTextBrowser(self)
        self.list.setObjectName("addendaList")
        self.list.setAccessibleName("Addenda")
        self.list.setOpenLinks(False)
        self.list.installEventFilter(self)  # its height follows its width (text wraps)
        self.list.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        self.show_addenda(())

    @property
    def addenda(self) -> tuple[Addendum, ...]:
        return self._addenda

    def show_addenda(self, addenda: tuple[Addendum, ...]) -> None:
        self._addenda = tuple(addenda)
        self.heading.setText(f"Addenda ({len(addenda)})" if addenda else "Addenda")
        self.empty.setVisible(not addenda)
        self.list.setVisible(bool(addenda))
        self.list.setHtml(addenda_html(self._addenda))
        self._fit_list()
        if addenda:  # the newest is the one just added or the most recent correction
            bar = self.list.verticalScrollBar()
            bar.setValue(bar.maximum())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.Resize:
            self._fit_list()
        return super().eventFilter(watched, event)

    def _fit_list(self) -> None:
        """As tall as the addenda need at the list's width, up to ``LIST_MAX_HEIGHT``."""
        document = self.list.document().clone(self)
        document.setTextWidth(self.list.contentsRect().width())
        needed = int(document.size().height()) + 2 * self.list.frameWidth()
        document.deleteLater()
        height = min(LIST_MAX_HEIGHT, max(LIST_MIN_HEIGHT, needed))
        if self.list.height() != height:
            self.list.setFixedHeight(height)
