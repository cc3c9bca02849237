"""Run in a fresh process: read documents' set-valued findings as JSON lists on stdin and
print the SHA-256 of each one's canonical signed content, one per line."""

from __future__ import annotations

import json
import sys

from tests.records.test_reproducible_hashes import canonical_digest

if __name__ == "__main__":
    for case in json.load(sys.stdin):
        print(canonical_digest(*case))
