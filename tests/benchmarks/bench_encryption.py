"""The cost of encryption at rest: patient search and one autosave on a SQLCipher file,
against the same calls on the same data unencrypted."""

from __future__ import annotations

import tempfile
from pathlib import Path

from clinic_app.app import build_services
from clinic_app.storage.database import Database
from clinic_app.storage.encryption import convert
from tests.benchmarks.bench_storage import time_autosaves
from tests.benchmarks.measure import Result, Timing, time_calls
from tests.benchmarks.populate import populate

PASSPHRASE = "benchmark passphrase"
QUERIES = ["smi", "okafor 12", "zoe", "mrn00123", "m"]


def run(quick: bool) -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        plain, encrypted = Path(folder, "plain.sqlite3"), Path(folder, "encrypted.sqlite3")
        database = Database.open(f"sqlite:///{plain}")
        populate(database, 5_000 if quick else 20_000)
        database.close()
        encrypted.write_bytes(plain.read_bytes())
        convert(encrypted, None, PASSPHRASE)
        timings = {
            name: _timings(path, passphrase, quick)
            for name, path, passphrase in (("plain", plain, None),
                                           ("encrypted", encrypted, PASSPHRASE))
        }
    count = "5,000" if quick else "20,000"
    return [
        Result(f"encrypted: patient search among {count} ({len(QUERIES)} queries)",
               timings["encrypted"][0], timings["plain"][0], "same calls unencrypted",
               "p95 <= 20 ms"),
        Result("encrypted: autosave of one change", timings["encrypted"][1],
               timings["plain"][1], "same calls unencrypted", "p95 <= 10 ms"),
    ]


def _timings(path: Path, passphrase: str | None, quick: bool) -> tuple[Timing, Timing]:
    database = Database.open(f"sqlite:///{path}", passphrase=passphrase)
    try:
        services = build_services(database)
        repeat = 10 if quick else 40
        samples: list[float] = []
        for query in QUERIES:
            samples.extend(time_calls(lambda q=query: services.patients.search(q), repeat,
                                      warmup=2).samples_ms)
        return Timing(tuple(samples)), time_autosaves(services, 50 if quick else 200)[0]
    finally:
        database.close()


