"""The supervisor's view: attempts by student and case, CSV export, adding own cases."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.practice.case import PracticeCaseError
from clinic_app.private_files import write_private_file

if TYPE_CHECKING:
    from clinic_app.services.practice import PracticeService

ALL = "(all)"
COLUMNS = ("Student", "Case", "Mode", "When", "Time used", "Total", "Completeness",
           "Reasoning", "Efficiency", "Missed")


class PracticeSupervisorView(QWidget):
    def __init__(self, service: PracticeService, supervisor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceSupervisor")
        self.setWindowTitle("Practice attempts")
        self.service, self.supervisor = service, supervisor
        self.student_filter = QComboBox(self)
        self.student_filter.setObjectName("studentFilter")
        self.case_filter = QComboBox(self)
        self.case_filter.setObjectName("caseFilter")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("attemptsTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel(self)
        self.status.setObjectName("supervisorStatus")
        self.status.setWordWrap(True)
        export = QPushButton("Export CSV…", self)
        export.setObjectName("exportAttemptsCsv")
        add = QPushButton("Add case…", self)
        add.setObjectName("addPracticeCase")
        bar = QHBoxLayout()
        for widget in (QLabel("Student", self), self.student_filter, QLabel("Case", self),
                       self.case_filter):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(add)
        bar.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        export.clicked.connect(self._export_requested)
        add.clicked.connect(self._add_requested)
        self.student_filter.currentIndexChanged.connect(self.refresh)
        self.case_filter.currentIndexChanged.connect(self.refresh)
        self._fill_filters()
        self.refresh()

    def _filters(self) -> tuple[str | None, str | None]:
        return (self.student_filter.currentData(), self.case_filter.currentData())

    def _fill_filters(self) -> None:
        records = self.service.attempts()
        for box, values in ((self.student_filter, sorted({r.student for r in records})),
                            (self.case_filter, sorted(c.id for c in self.service.cases()))):
            box.blockSignals(True)
            box.clear()
            box.addItem(ALL, None)
            for value in values:
                box.addItem(value, value)
            box.blockSignals(False)

    def refresh(self) -> None:
        records = self.service.attempts(*self._filters())
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            used = "" if r.seconds_used is None else _minutes(r.seconds_used)
            cells = (r.student, r.case_title, r.mode, r.committed_at.strftime("%Y-%m-%d %H:%M"),
                     used, str(r.total), f"{r.completeness:g}", str(r.reasoning),
                     str(r.efficiency), "; ".join(r.missed_items))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def export_csv(self, path: Path) -> None:
        write_private_file(path, self.service.attempts_csv(*self._filters()).encode("utf-8"))
        self.status.setText(f"Exported to {path}")

    def add_case(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
            case, notes = self.service.add_case(text, self.supervisor)
        except (OSError, UnicodeDecodeError) as error:
            self.status.setText(f"{path.name}: cannot read it ({error})")
            return
        except PracticeCaseError as error:
            self.status.setText("\n".join(f"{path.name}: {line}" for line in error.lines[:8]))
            return
        lines = [f"Added practice case {case.id}: {case.title}"]
        lines += [f"Note: the key differs from the decision support: {n}" for n in notes]
        self.status.setText("\n".join(lines))
        self._fill_filters()

    def _export_requested(self) -> None:
        path = ask_path(self, "Export attempts", "practice-attempts.csv", save=True)
        if path is not None:
            self.export_csv(path)

    def _add_requested(self) -> None:
        path = ask_path(self, "Add practice case", "", save=False)
        if path is not None:
            self.add_case(path)


def _minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def ask_path(parent: QWidget, title: str, suggested: str, save: bool) -> Path | None:
    if save:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, "CSV (*.csv)")
    else:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, suggested, "Practice case (*.json)")
    return Path(chosen) if chosen else None
