"""An assessment's versions: who saved each and when, what it records differently from the
open document, and bringing one finding back as a new change.

The dialog shows and asks; bringing a finding back goes through ``restore`` (given by the
editor), which applies it as an undoable change that autosave then saves like any other,
and the version history service records it in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.document_differences import FindingDifference, differing_findings
from clinic_app.domain.fields import Path, get_value
from clinic_app.services.version_history import HistoryEntry

RestoreFinding = Callable[[Path, Any, int], bool]  # path, value, from version -> applied
COLUMNS = ("Finding", "In that version", "Now")
NO_DIFFERENCES = "That version records the same as the open document."
LOCKED = "The note is signed: findings can no longer be brought back (add an addendum)."


def version_title(entry: HistoryEntry) -> str:
    changed = f" · {len(entry.changes)} changed" if entry.changes else ""
    when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"Version {entry.version} · {entry.reason_label} · {entry.saved_by} · {when}{changed}"


class VersionHistoryDialog(QDialog):
    def __init__(
        self,
        versions: Sequence[HistoryEntry],
        current: Callable[[], Assessment],
        restore: RestoreFinding | None,
        parent: QWidget | None = None,
    ) -> None:
        """``restore`` None: the document is read-only (signed), nothing can come back."""
        super().__init__(parent)
        self.setObjectName("versionHistoryDialog")
        self.setWindowTitle("Version history")
        self._versions = list(reversed(versions))  # newest first
        self._current = current
        self._restore = restore
        self._differences: list[FindingDifference] = []

        self.version_list = QListWidget(self)
        self.version_list.setObjectName("versionList")
        for entry in self._versions:
            QListWidgetItem(version_title(entry), self.version_list)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("versionDifferences")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.notice = QLabel(self)
        self.notice.setObjectName("versionNotice")
        self.notice.setWordWrap(True)
        self.bring_back = QPushButton("&Bring this finding back", self)
        self.bring_back.setObjectName("bringBackButton")
        self.bring_back.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.bring_back, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.version_list)
        splitter.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.resize(900, 600)

        self.version_list.currentRowChanged.connect(self._show_version)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.bring_back.clicked.connect(self.bring_back_selected)
        if self._versions:
            self.version_list.setCurrentRow(0)

    @property
    def selected_version(self) -> HistoryEntry | None:
        row = self.version_list.currentRow()
        return self._versions[row] if 0 <= row < len(self._versions) else None

    def select_finding(self, path: Path) -> bool:
        row = next((r for r, d in enumerate(self._differences) if d.path == path), None)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def bring_back_selected(self) -> None:
        version, row = self.selected_version, self.table.currentRow()
        if self._restore is None or version is None or not 0 <= row < len(self._differences):
            return
        difference = self._differences[row]
        if self._restore(difference.path, get_value(version.assessment, difference.path),
                         version.version):
            self._show_version(self.version_list.currentRow())
            self.notice.setText(f"Brought back from version {version.version}: "
                                f"{difference.title} (Undo takes it back)")

    def _show_version(self, row: int) -> None:
        version = self.selected_version
        self._differences = [] if version is None else [
            difference for difference in differing_findings(version.assessment, self._current())
            if len(difference.path) > 0 and difference.path[0] != "hint_decisions"
        ]
        self.table.setRowCount(len(self._differences))
        for index, difference in enumerate(self._differences):
            for column, text in enumerate((difference.title, difference.mine,
                                           difference.theirs)):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        if self._restore is None:
            self.notice.setText(LOCKED)
        else:
            self.notice.setText("" if self._differences else NO_DIFFERENCES)
        self._update_button()

    def _update_button(self) -> None:
        self.bring_back.setEnabled(
            self._restore is not None and bool(self.table.selectionModel().selectedRows())
        )
