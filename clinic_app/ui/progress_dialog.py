"""The progress view of a patient's episode: the conclusion, a table of every measure
across the visits with its change against the MCID, a chart per measure group with the
MCID band, and the plan's phase proposal."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.ui.progress_chart_widget import ProgressChartWidget

if TYPE_CHECKING:
    from clinic_app.domain.episode.report import ProgressReport


class ProgressDialog(QDialog):
    def __init__(self, report: ProgressReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(f"Progress - {report.patient.name}")
        self.report = report
        layout = QVBoxLayout(self)
        self.conclusion = QLabel(f"<b>{escape(report.conclusion.lead)}</b>", self)
        self.conclusion.setObjectName("progressConclusion")
        self.conclusion.setWordWrap(True)
        layout.addWidget(self.conclusion)
        self.table = QTableWidget(self)
        self.table.setObjectName("progressTable")
        self._fill_table()
        layout.addWidget(self.table)
        self.chart_choice = QComboBox(self)
        self.chart_choice.setObjectName("progressChartChoice")
        self.chart_choice.setAccessibleName("Chart")
        for chart in report.charts:
            self.chart_choice.addItem(chart.title, chart.key)
        layout.addWidget(self.chart_choice)
        self.chart = ProgressChartWidget(self)
        layout.addWidget(self.chart, 1)
        self.phase = QLabel(report.proposal.summary if report.proposal else
                            "One visit so far: the phase is judged at the first follow-up.")
        self.phase.setObjectName("progressPhase")
        self.phase.setWordWrap(True)
        layout.addWidget(self.phase)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.chart_choice.currentIndexChanged.connect(self._show_chart)
        self._show_chart(0)
        self.resize(820, 680)

    def _fill_table(self) -> None:
        report = self.report
        headers = [visit.on.isoformat() + f"\n{visit.kind.label}" for visit in report.visits]
        self.table.setColumnCount(len(headers) + 1)
        self.table.setHorizontalHeaderLabels([*headers, "Change against the MCID"])
        rows = report.progress.recorded
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([series.measure.label for series in rows])
        for row, series in enumerate(rows):
            for column, point in enumerate(series.points):
                text = "-" if point.value is None else f"{point.value:g}"
                self.table.setItem(row, column, QTableWidgetItem(text))
            change = QTableWidgetItem(series.change_text())
            change.setToolTip(series.change_text())  # the whole sentence when it is elided
            self.table.setItem(row, len(headers), change)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.resizeColumnsToContents()
        # The change column takes the width left: no sideways scrolling to read the table.
        self.table.horizontalHeader().setSectionResizeMode(
            len(headers), QHeaderView.ResizeMode.Stretch
        )

    def _show_chart(self, index: int) -> None:
        charts = self.report.charts
        self.chart.set_chart(charts[index] if 0 <= index < len(charts) else None)

