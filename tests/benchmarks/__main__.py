"""``make bench``: each figure next to a baseline measured in the same run.

Run from the repository root: ``python -m tests.benchmarks [--quick] [--no-large]``.
The 1,000,000-patient rows use a database generated once (a minute or two) into
$XDG_CACHE_HOME/clinic-app-bench/ (default ~/.cache), outside the repository.
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
    parser.add_argument("--no-large", action="store_true",
                        help="skip the 1,000,000-patient rows (--quick skips them too)")
    args = parser.parse_args()
    large = not args.no_large
    results: list[Result | MemoryResult] = []
    for module in (bench_start, bench_storage, bench_encryption, bench_rules, bench_hints,
                   bench_pdf):
        print(f"running {module.__name__.rsplit('.', 1)[-1]} ...", file=sys.stderr, flush=True)
        if module in (bench_start, bench_storage):
            results.extend(module.run(quick=args.quick, large=large))
        else:
            results.extend(module.run(quick=args.quick))
    print(TABLE_HEADER)
    for result in results:
        print(result.row())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
