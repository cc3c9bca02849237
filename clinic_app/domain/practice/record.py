"""A graded attempt as the practice store keeps it, and the supervisor's CSV of them."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from clinic_app.domain.control_characters import printable

CSV_COLUMNS = (
    "attempt", "student", "case_id", "case_title", "mode", "committed_at", "seconds_used",
    "time_limit_minutes", "total", "completeness", "reasoning", "efficiency", "missed_items",
)


@dataclass(frozen=True)
class AttemptRecord:
    id: int
    student: str
    case_id: str
    case_title: str
    mode: str
    committed_at: datetime
    seconds_used: int | None
    time_limit_minutes: int | None
    total: int
    completeness: float
    reasoning: int
    efficiency: int
    missed_items: tuple[str, ...]
    attempt_json: str
    result_json: str


def attempts_csv(records: list[AttemptRecord]) -> str:
    """One row per attempt; a cell starting with = + - @ is prefixed with ' so a spreadsheet
    shows the text instead of running it as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        writer.writerow([
            r.id, _cell(r.student), r.case_id, _cell(r.case_title), r.mode,
            r.committed_at.isoformat(timespec="seconds"), _blank(r.seconds_used),
            _blank(r.time_limit_minutes), r.total, r.completeness, r.reasoning, r.efficiency,
            _cell("; ".join(r.missed_items)),
        ])
    return out.getvalue()


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)


def _cell(text: str) -> str:
    text = printable(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
