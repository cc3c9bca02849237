"""How a section's findings are arranged: groups of rows, each row one side or both sides.

Pure functions over the field specs, so the arrangement can be tested without widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.fields import FieldSpec, Path, spec_index

SIDES = ("left", "right")


def row_key(path: Path) -> Path:
    """The path of a finding with its side removed: both sides share one row."""
    return tuple(part for part in path if part not in SIDES)


def group_key(path: Path) -> Path:
    return row_key(path)[:-1]


@dataclass
class Row:
    key: Path
    title: str
    help: str | None
    cells: dict[str | None, FieldSpec] = field(default_factory=dict)  # side (or None) -> spec

    @property
    def bilateral(self) -> bool:
        return None not in self.cells


@dataclass
class Group:
    key: Path
    title: str | None
    rows: list[Row] = field(default_factory=list)

    @property
    def bilateral(self) -> bool:
        return any(row.bilateral for row in self.rows)


def section_groups(section: str) -> list[Group]:
    """The groups of one exam section in document order, rows in field order."""
    groups: dict[Path, Group] = {}
    rows: dict[Path, Row] = {}
    for path, spec in spec_index(Assessment).items():
        if path[0] != section:
            continue
        key = group_key(path)
        if key not in groups:
            title = spec.group_titles[-1] if len(spec.group_titles) > 1 else None
            groups[key] = Group(key, title)
        if row_key(path) not in rows:
            row = Row(row_key(path), spec.title, spec.help)
            rows[row.key] = row
            groups[key].rows.append(row)
        rows[row_key(path)].cells[spec.side] = spec
    return list(groups.values())
