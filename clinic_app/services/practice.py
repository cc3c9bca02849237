"""Practice use cases: the cases on offer, grading and keeping attempts, supervisors' cases.

Practice data lives in its own store (``PracticeStore``), never in the clinical unit of
work: no patient list, clinical export, audit entry or clinical backup ever holds it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from clinic_app.domain.practice.agreement import key_disagreements
from clinic_app.domain.practice.attempt import Attempt
from clinic_app.domain.practice.case import PracticeCase, PracticeCaseError, parse_practice_case
from clinic_app.domain.practice.grading import PracticeResult, grade
from clinic_app.domain.practice.record import AttemptRecord, attempts_csv
from clinic_app.services.ports import Clock, PracticeStore, utc_now

FeedbackRenderer = Callable[[PracticeCase, Attempt, PracticeResult], bytes]


class UnknownCaseError(LookupError):
    def __init__(self, case_id: str, known: list[str]) -> None:
        super().__init__(
            f"case_id: {case_id[:60]!r} is not a practice case here; expected one of: "
            + ", ".join(known)
        )


class PracticeService:
    def __init__(
        self,
        store: Callable[[], PracticeStore],
        builtin_cases: Callable[[], list[PracticeCase]],
        render_feedback: FeedbackRenderer | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._store_factory = store
        self._store: PracticeStore | None = None
        self._builtin = builtin_cases
        self._render = render_feedback
        self._clock = clock

    @property
    def store(self) -> PracticeStore:
        if self._store is None:  # opened on first use: the desktop app starts without it
            self._store = self._store_factory()
        return self._store

    def cases(self) -> list[PracticeCase]:
        """The bundled cases, then the supervisors' own (which may replace a bundled id)."""
        by_id = {case.id: case for case in self._builtin()}
        for text in self.store.own_cases():
            case = parse_practice_case(text)
            by_id[case.id] = case
        return list(by_id.values())

    def case(self, case_id: str) -> PracticeCase:
        cases = {case.id: case for case in self.cases()}
        if case_id not in cases:
            raise UnknownCaseError(case_id, sorted(cases))
        return cases[case_id]

    def add_case(self, text: str, added_by: str) -> tuple[PracticeCase, list[str]]:
        """Validate and keep a supervisor's own case (``PracticeCaseError`` names every
        problem). Returns it with the key's disagreements with the decision support, which
        the supervisor should see (a case may teach what the rules do not yet say)."""
        case = parse_practice_case(text)
        self.store.add_case(case.id, text, added_by, self._clock())
        return case, key_disagreements(case)

    def grade(self, attempt: Attempt) -> PracticeResult:
        return grade(self.case(attempt.case_id), attempt)

    def submit(self, attempt: Attempt) -> PracticeResult:
        """Grade the committed attempt and keep it in the practice store."""
        case = self.case(attempt.case_id)
        result = grade(case, attempt)
        self.store.add_attempt(AttemptRecord(
            id=0, student=attempt.student, case_id=case.id, case_title=case.title,
            mode=attempt.mode, committed_at=self._clock(), seconds_used=attempt.seconds_used,
            time_limit_minutes=attempt.time_limit_minutes, total=result.total,
            completeness=result.completeness.score, reasoning=result.reasoning.score,
            efficiency=result.efficiency.score, missed_items=tuple(result.missed_items),
            attempt_json=attempt.model_dump_json(), result_json=result.model_dump_json(),
        ))
        return result

    def attempts(self, student: str | None = None, case_id: str | None = None
                 ) -> list[AttemptRecord]:
        return self.store.attempts(student, case_id)

    def attempts_csv(self, student: str | None = None, case_id: str | None = None) -> str:
        return attempts_csv(self.attempts(student, case_id))

    def feedback_pdf(self, attempt: Attempt, result: PracticeResult) -> bytes:
        if self._render is None:
            raise RuntimeError("no feedback renderer configured")
        return self._render(self.case(attempt.case_id), attempt, result)


def result_json(result: PracticeResult) -> str:
    """The JSON ``practice grade`` prints: the score parts and the missed items."""
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False)


__all__ = ["PracticeCaseError", "PracticeService", "UnknownCaseError", "result_json"]
