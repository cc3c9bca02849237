"""The README lists every decision-support rule with its sources, exactly as registered."""

from __future__ import annotations

import re

from clinic_app.domain.decision import RULE_SET_VERSION, RULES
from tests.decision.readme_rules_table import current_block, rule_row, rules_table
from tests.readme_blocks import README

REGENERATE = "run `python -m tests.decision.readme_rules_table` to rewrite the table"


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def test_every_registered_rule_has_a_row_with_its_sources() -> None:
    block = current_block(_readme())
    assert block is not None, "README.md has no generated rules table"
    missing = [rule.id for rule in RULES if rule_row(rule) not in block]
    assert not missing, f"rules missing or outdated in README.md: {missing}; {REGENERATE}"


def test_table_matches_the_registry_exactly() -> None:
    stale = f"README.md rules table is stale; {REGENERATE}"
    assert current_block(_readme()) == rules_table(), stale


def test_readme_names_the_current_rule_set_version_everywhere() -> None:
    mentioned = set(re.findall(r"\b20\d\d\.\d\d-\d+\b", _readme()))
    assert mentioned == {RULE_SET_VERSION}


def test_no_source_names_an_internal_file() -> None:
    """Sources print on hints and notes: they name the clinical reference, not its file."""
    for rule in RULES:
        for source in rule.sources:
            assert ".md" not in source, (rule.id, source)


def test_rules_built_on_a_product_default_say_so_in_their_sources() -> None:
    for rule in RULES:
        if rule.evidence == "[D]":
            assert any("product default" in source for source in rule.sources), rule.id
