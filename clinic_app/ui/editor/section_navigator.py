"""The list of exam sections with how much of each has been recorded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.progress import SectionProgress

COMPLETE_MARK = "\u2713"  # check mark
MIN_WIDTH = 150  # "Hip and knee stre…  0/24" still names the section
SHARE_OF_EDITOR = 0.18  # on a laptop screen the exam form needs the rest
STATE_WORDS = {"complete": "complete", "partial": "partly recorded", "empty": "empty"}
SECTION_TITLES = {name: Assessment.model_fields[name].title or name for name in EXAM_SECTIONS}


def progress_suffix(progress: SectionProgress) -> str:
    mark = f"  {COMPLETE_MARK}" if progress.state == "complete" else ""
    return f"  {progress.recorded}/{progress.total}{mark}"


def progress_text(title: str, progress: SectionProgress) -> str:
    return title + progress_suffix(progress)


class SectionNavigator(QListWidget):
    def __init__(self, titles: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionNavigator")
        self.setAccessibleName("Exam sections")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._titles = titles
        self._progress: dict[str, SectionProgress] = {}
        for section, title in titles.items():
            item = QListWidgetItem(title, self)
            item.setData(Qt.ItemDataRole.UserRole, section)
            item.setToolTip(title)
        self.setCurrentRow(0)

    def full_width(self) -> int:
        """Wide enough for the longest "title  n/m ✓" line unshortened."""
        metrics = self.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(f"{title}  000/000  {COMPLETE_MARK}")
            for title in self._titles.values()
        )
        return widest + 2 * self.frameWidth() + 16

    def fit_width(self, editor_width: int | None = None) -> None:
        """The full width, or a share of a narrow editor (titles then shortened, counts kept)."""
        width = self.full_width()
        if editor_width:
            width = min(width, max(MIN_WIDTH, int(editor_width * SHARE_OF_EDITOR)))
        if width != self.width() or self.minimumWidth() != width:
            self.setFixedWidth(width)
        self._relabel()

    def show_progress(self, progress: list[SectionProgress]) -> None:
        """Runs on every keystroke: the rows are relabelled only when a count changed."""
        latest = {entry.section: entry for entry in progress}
        if latest == self._progress:
            return
        self._progress = latest
        self._relabel()

    def row_text(self, section: str) -> str:
        """The whole line, title unshortened (what the tooltip and screen readers get)."""
        title = self._titles[section]
        progress = self._progress.get(section)
        return title if progress is None else progress_text(title, progress)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relabel()

    def _relabel(self) -> None:
        room = self.viewport().width() - 12  # the item's own margins
        metrics = self.fontMetrics()
        for row, (section, title) in enumerate(self._titles.items()):
            item = self.item(row)
            progress = self._progress.get(section)
            suffix = progress_suffix(progress) if progress else ""
            shown = metrics.elidedText(
                title, Qt.TextElideMode.ElideRight, room - metrics.horizontalAdvance(suffix)
            )
            if item.text() != shown + suffix:
                item.setText(shown + suffix)
            if progress is None:
                continue
            item.setToolTip(f"{title}: {progress.recorded} of {progress.total} findings recorded")
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{title}: {STATE_WORDS[progress.state]}, "
                f"{progress.recorded} of {progress.total}",
            )
