"""The list of exam sections with how much of each has been recorded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from clinic_app.domain.progress import SectionProgress

COMPLETE_MARK = "\u2713"  # check mark


def progress_text(title: str, progress: SectionProgress) -> str:
    mark = f"  {COMPLETE_MARK}" if progress.state == "complete" else ""
    return f"{title}  {progress.recorded}/{progress.total}{mark}"


class SectionNavigator(QListWidget):
    def __init__(self, titles: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionNavigator")
        self.setAccessibleName("Exam sections")
        self._titles = titles
        for section, title in titles.items():
            item = QListWidgetItem(title, self)
            item.setData(Qt.ItemDataRole.UserRole, section)
        self.setCurrentRow(0)

    def fit_width(self) -> None:
        """Wide enough for the longest "title  n/m" line, so nothing is clipped."""
        self.setFixedWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + 16)

    def show_progress(self, progress: list[SectionProgress]) -> None:
        for row, entry in enumerate(progress):
            item = self.item(row)
            text = progress_text(self._titles[entry.section], entry)
            if item.text() != text:
                item.setText(text)
                state = {"complete": "complete", "partial": "partly recorded", "empty": "empty"}
                item.setToolTip(f"{entry.recorded} of {entry.total} findings recorded")
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"{self._titles[entry.section]}: {state[entry.state]}, "
                    f"{entry.recorded} of {entry.total}",
                )

    def row_text(self, section: str) -> str:
        return self.item(list(self._titles).index(section)).text()
