"""``make bench``: each figure next to a baseline measured in the same run.

Run from the repository root: ``python -m tests.benchmarks [--quick]``.
"""

from __future__ import annotations

import argparse
import sys

from tests.benchmarks import (
    bench_encryption,
    bench_hints,
    bench_pdf,
    bench_rules,
    bench_start,
    bench_storage,
)
from tests.benchmarks.measure import TABLE_HEADER, MemoryResult, Result


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    args = parser.parse_args()
    results: list[Result | MemoryResult] = []
    for module in (bench_start, bench_storage, bench_encryption, bench_rules, bench_hints,
                   bench_pdf):
        print(f"running {module.__name__.rsplit('.', 1)[-1]} ...", file=sys.stderr, flush=True)
        results.extend(module.run(quick=args.quick))
    print(TABLE_HEADER)
    for result in results:
        print(result.row())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
