"""One attempt at a practice case: examine the simulated patient, answer, read the feedback.

The hints panel is built but stays hidden until the answer is committed; then it shows the
decision support on the case's full findings beside the scored feedback.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.decision import evaluate
from clinic_app.domain.practice.attempt import Attempt
from clinic_app.domain.practice.case import PracticeCase
from clinic_app.domain.practice.findings import revealed
from clinic_app.domain.practice.grading import PracticeResult
from clinic_app.private_files import write_private_file
from clinic_app.ui.hints_panel import HintsPanel
from clinic_app.ui.practice.answer_form import AnswerForm
from clinic_app.ui.practice.exam_view import PracticeExamView
from clinic_app.ui.practice.feedback_view import FeedbackView

if TYPE_CHECKING:
    from clinic_app.services.practice import PracticeService

EXAM_TAB, ANSWER_TAB, FEEDBACK_TAB = range(3)


class PracticeWindow(QWidget):
    attemptCommitted = Signal(object)

    def __init__(
        self, service: PracticeService, case: PracticeCase, student: str,
        osce_minutes: int | None = None, elapsed_seconds: Callable[[], int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("practiceWindow")
        self.setWindowTitle(f"Practice: {case.title}")
        self.service, self.case, self.student = service, case, student
        self.osce_minutes = osce_minutes
        self.asked: list[str] = []
        self.attempt: Attempt | None = None
        self.result: PracticeResult | None = None
        self._clock = QElapsedTimer()
        self._clock.start()
        self._elapsed = elapsed_seconds or (lambda: self._clock.elapsed() // 1000)

        header = QLabel(self._header_html(), self)
        header.setObjectName("practiceStory")
        header.setWordWrap(True)
        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("osceTimer")
        self.exam = PracticeExamView(self)
        self.answer_form = AnswerForm(self)
        self.feedback = FeedbackView(self)
        self.hints = HintsPanel(self)
        self.hints.set_read_only(True)
        self.hints.hide()
        self.save_pdf = QPushButton("Save feedback PDF…", self)
        self.save_pdf.setObjectName("saveFeedbackPdf")
        feedback_page = QWidget(self)
        feedback_layout = QVBoxLayout(feedback_page)
        split = QSplitter(Qt.Orientation.Horizontal, feedback_page)
        split.addWidget(self.feedback)
        split.addWidget(self.hints)
        split.setSizes([700, 500])
        feedback_layout.addWidget(split, 1)
        feedback_layout.addWidget(self.save_pdf, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.exam, "1. Examine")
        self.tabs.addTab(self.answer_form, "2. Answer")
        self.tabs.addTab(feedback_page, "3. Feedback")
        self.tabs.setTabEnabled(FEEDBACK_TAB, False)
        top = QHBoxLayout()
        top.addWidget(header, 1)
        top.addWidget(self.timer_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.exam.findingRequested.connect(self.ask)
        self.answer_form.commitRequested.connect(self.commit)
        self.save_pdf.clicked.connect(self._save_pdf_requested)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_timer)
        if osce_minutes is not None:
            self._tick.start()
        self._update_timer()

    def _header_html(self) -> str:
        c = self.case
        sex = escape(c.patient.sex.label.lower())
        return f"<b>{escape(c.title)}</b> &mdash; {c.age}-year-old {sex}<br>{escape(c.story)}"

    # -- the simulated patient -------------------------------------------------------
    def ask(self, key: str) -> None:
        if self.attempt is not None or self.time_is_up or key in self.asked:
            return
        self.asked.append(key)
        self.exam.show_revealed(revealed(self.case.assessment, set(self.asked)), set(self.asked))

    @property
    def time_is_up(self) -> bool:
        return self.osce_minutes is not None and self._elapsed() >= self.osce_minutes * 60

    def _update_timer(self) -> None:
        if self.osce_minutes is None or self.attempt is not None:
            self.timer_label.setVisible(self.osce_minutes is not None)
            return
        left = max(0, self.osce_minutes * 60 - self._elapsed())
        self.timer_label.setText(f"OSCE: {left // 60:02d}:{left % 60:02d} left")
        if left == 0:
            self.timer_label.setText("OSCE: time is up: commit your answer now")
            self.timer_label.setStyleSheet("color: #b00020; font-weight: bold;")
            self.exam.setEnabled(False)
            self.tabs.setCurrentIndex(ANSWER_TAB)

    # -- answer and feedback ---------------------------------------------------------
    def commit(self) -> None:
        answer = self.answer_form.answer()
        if isinstance(answer, str):
            self.answer_form.error.setText(answer)
            return
        self.answer_form.error.clear()
        self.attempt = Attempt(
            case_id=self.case.id, student=self.student,
            mode="osce" if self.osce_minutes is not None else "practice",
            time_limit_minutes=self.osce_minutes, seconds_used=self._elapsed(),
            asked=list(self.asked), answer=answer,
        )
        self._tick.stop()
        if self.osce_minutes is not None:
            used = self.attempt.seconds_used or 0
            self.timer_label.setText(
                f"OSCE: time used {used // 60:02d}:{used % 60:02d} of {self.osce_minutes} min"
            )
        self.result = self.service.submit(self.attempt)
        self.answer_form.set_locked()
        self.exam.setEnabled(False)
        self.feedback.show_result(self.result)
        self.hints.show_evaluation(evaluate(self.case.patient, self.case.assessment))
        self.hints.show()
        self.tabs.setTabEnabled(FEEDBACK_TAB, True)
        self.tabs.setCurrentIndex(FEEDBACK_TAB)
        self.attemptCommitted.emit(self.result)

    def save_feedback_pdf(self, path: Path) -> None:
        assert self.attempt is not None and self.result is not None
        write_private_file(path, self.service.feedback_pdf(self.attempt, self.result))

    def _save_pdf_requested(self) -> None:
        path = ask_pdf_path(self, f"practice-feedback-{self.case.id}.pdf")
        if path is not None:
            self.save_feedback_pdf(path)


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, "Save feedback PDF", suggested, "PDF (*.pdf)")
    return Path(chosen) if chosen else None
