"""Patient search among 100,000 and 1,000,000 patients and autosave of one change, against
raw sqlite3 running the very statements the app sent (captured from the engine).

A search asks for what the patient list asks for: its first page (``PAGE_SIZE``)."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event

from clinic_app.app import build_services
from clinic_app.domain.fields import with_value
from clinic_app.storage.database import Database
from clinic_app.ui.patient_list_presenter import PAGE_SIZE
from tests.benchmarks.measure import Result, Timing, time_calls
from tests.benchmarks.populate import (
    DATABASE_NAME,
    LARGE,
    audit_key_in,
    cached_files,
    populated_folder,
)

QUERIES = ["smi", "okafor 12", "zoe", "петров", "mrn00123", "ñúñez-øster 9", "m", "1975-03-02",
           "dubois chl", "tanaka kai"]


def run(quick: bool, large: bool = True) -> list[Result]:
    count = 20_000 if quick else 100_000
    with tempfile.TemporaryDirectory() as folder, audit_key_in(Path(folder)):
        populated_folder(Path(folder), count)
        path = f"{folder}/{DATABASE_NAME}"
        database = Database.open(f"sqlite:///{path}")
        services = build_services(database)
        results = [
            _search(services, database, path, quick, f"{count:,}", "p95 <= 10 ms"),
            _autosave(services, path, quick),
        ]
        database.close()
    if large and not quick:
        with tempfile.TemporaryDirectory() as folder, audit_key_in(Path(folder)):
            for file in cached_files(LARGE):
                shutil.copyfile(file, Path(folder) / file.name)
            path = f"{folder}/{DATABASE_NAME}"
            database = Database.open(f"sqlite:///{path}")
            results.insert(1, _search(build_services(database), database, path, quick,
                                      f"{LARGE:,}", "p95 <= 20 ms"))
            database.close()
    return results


def _search(
    services: Any, database: Database, path: str, quick: bool, among: str, target: str
) -> Result:
    repeat = 20 if quick else 60
    rounds = [lambda q=q: services.patients.search(q, PAGE_SIZE) for q in QUERIES]
    measured = _time_rounds(rounds, repeat)
    statements = [_captured(database, call)[-1] for call in rounds]
    raw = sqlite3.connect(path)
    baseline = _time_rounds(
        [lambda s=s: raw.execute(s[0], s[1]).fetchall() for s in statements], repeat
    )
    raw.close()
    return Result(f"patient search among {among} (10 queries)", measured, baseline,
                  "same SQL on raw sqlite3", target)


def time_autosaves(services: Any, repeat: int) -> tuple[Timing, int, int, Any]:
    """``repeat`` autosaves of a one-value change to a new draft, as the editor saves them;
    the timing, the draft's id, its last version and document."""
    patient_id = services.patients.search("mrn0000001")[0].id
    record = services.assessments.start(patient_id, date(2026, 11, 26), "Bench")
    state = {"version": record.version, "doc": record.assessment, "n": 0}

    def one_change() -> None:
        state["n"] = (state["n"] + 1) % 10
        doc = with_value(state["doc"], ("outcomes", "pain", "usual"), state["n"])
        saved = services.assessments.save_draft(record.id, doc, state["version"])
        state["version"], state["doc"] = saved.version, doc

    return time_calls(one_change, repeat), record.id, state["version"], state["doc"]


def _autosave(services: Any, path: str, quick: bool) -> Result:
    repeat = 100 if quick else 400
    measured, record_id, version, doc = time_autosaves(services, repeat)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = FULL")  # as the app's connections
    document = doc.model_dump_json(exclude_none=True)
    raw_state = {"version": version}

    def raw_update() -> None:
        raw.execute("BEGIN IMMEDIATE")
        changed = raw.execute(
            "UPDATE assessments SET document = ?, version = ?, updated_at = ? "
            "WHERE id = ? AND version = ?",
            (document, raw_state["version"] + 1, "2026-11-26 12:00:00.000000", record_id,
             raw_state["version"]),
        ).rowcount
        raw.execute("COMMIT")
        assert changed == 1
        raw_state["version"] += 1

    baseline = time_calls(raw_update, repeat)
    raw.close()
    return Result("autosave of one change (document UPDATE)", measured, baseline,
                  "same UPDATE on raw sqlite3", "p95 <= 10 ms")


def _captured(database: Database, action: Callable[[], object]) -> list[tuple[str, tuple]]:
    seen: list[tuple[str, tuple]] = []

    def listener(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, tuple(parameters) if parameters is not None else ()))

    event.listen(database.engine, "before_cursor_execute", listener)
    try:
        action()
    finally:
        event.remove(database.engine, "before_cursor_execute", listener)
    return [s for s in seen if not s[0].startswith(("BEGIN", "PRAGMA"))]


def _time_rounds(calls: list[Callable[[], object]], repeat: int) -> Timing:
    samples: list[float] = []
    for call in calls:
        samples.extend(time_calls(call, repeat, warmup=2).samples_ms)
    return Timing(tuple(samples))
