"""Generated blocks in the README, between two marker comments: found, and rewritten."""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def marked_block(readme_text: str, begin: str, end: str) -> str | None:
    """The block from ``begin`` to ``end``, markers included; None when either is missing."""
    start = readme_text.find(begin)
    stop = readme_text.find(end, start)
    if start < 0 or stop < 0:
        return None
    return readme_text[start : stop + len(end)]


def rewrite_block(begin: str, end: str, block: str, done: str) -> int:
    """Replace the README's block with ``block``; the exit code of a generator script."""
    text = README.read_text(encoding="utf-8")
    current = marked_block(text, begin, end)
    if current is None:
        print(f"{README}: the markers {begin!r} and {end!r} are missing", file=sys.stderr)
        return 1
    README.write_text(text.replace(current, block), encoding="utf-8")
    print(f"{README}: {done}")
    return 0
