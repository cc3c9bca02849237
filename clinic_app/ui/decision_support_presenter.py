"""Keeps one editor's hints panel in step with its assessment.

Evaluation runs after a short pause in editing (one evaluation per burst of
keystrokes), with the patient's earlier assessments read once when the editor opens.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import Evaluation, Urgency, evaluate
from clinic_app.domain.patient import Patient
from clinic_app.ui.hints_panel import HintsPanel

EVALUATION_DELAY_MS = 150


def urgency_headline(evaluation: Evaluation) -> str:
    """The top urgency in words for a tab title, empty when nothing beyond routine fired;
    an urgency that rests on findings still to record says it is provisional."""
    conclusion = evaluation.conclusion
    top = conclusion.top_urgency
    if top.rank <= Urgency.ROUTINE.rank:
        return ""
    return f"{top.label.upper()} (provisional)" if conclusion.urgency_provisional else (
        top.label.upper()
    )


class DecisionSupportPresenter(QObject):
    evaluated = Signal(object)  # Evaluation
    topUrgencyChanged = Signal(str)  # "" when routine

    def __init__(
        self,
        patient: Patient,
        earlier: Sequence[Assessment],
        panel: HintsPanel,
        parent: QObject | None = None,
        *,
        delay_ms: int = EVALUATION_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._patient = patient
        self._earlier = tuple(earlier)
        self._panel = panel
        self._pending: Assessment | None = None
        self._headline: str | None = None
        self.evaluation: Evaluation | None = None
        self.evaluation_count = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.evaluate_now)

    @property
    def earlier(self) -> tuple[Assessment, ...]:
        return self._earlier

    @property
    def headline(self) -> str:
        """The top urgency in words ("" when routine or not yet evaluated)."""
        return self._headline or ""

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def schedule(self, assessment: Assessment) -> None:
        """Evaluate ``assessment`` once editing pauses (each change restarts the wait)."""
        self._pending = assessment
        self._timer.start()

    def evaluate_now(self, assessment: Assessment | None = None) -> Evaluation | None:
        self._timer.stop()
        document = assessment if assessment is not None else self._pending
        self._pending = None
        if document is None:
            return self.evaluation
        evaluation = evaluate(self._patient, document, self._earlier)
        self.evaluation = evaluation
        self.evaluation_count += 1
        self._panel.show_evaluation(evaluation, document.hint_decisions)
        self.evaluated.emit(evaluation)
        headline = urgency_headline(evaluation)
        if headline != self._headline:
            self._headline = headline
            self.topUrgencyChanged.emit(headline)
        return evaluation
