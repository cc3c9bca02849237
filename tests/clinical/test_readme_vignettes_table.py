"""The README shows the clinical validation suite exactly as it runs now."""

from __future__ import annotations

from tests.clinical.readme_vignettes_table import current_block, vignettes_table
from tests.readme_blocks import README

REGENERATE = "run `python -m tests.clinical.readme_vignettes_table` to rewrite the table"


def test_readme_vignettes_table_matches_the_suite() -> None:
    text = README.read_text(encoding="utf-8")
    block = current_block(text)
    assert block is not None, "README.md has no generated vignettes table"
    assert block == vignettes_table(), f"README.md vignettes table is stale; {REGENERATE}"


def test_the_table_sits_under_decision_support() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.index("### Clinical validation suite")
    assert text.rfind("\n## ", 0, section) == text.index("\n## Decision support")
    assert section < text.index(current_block(text) or "<missing>")
