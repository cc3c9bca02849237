"""Three-valued logic with provenance: true, false or unknown (not assessed).

A ``Cond`` remembers which findings made it what it is: the triggers to show
when it holds, and the unassessed findings that keep it unknown. Combining
follows Kleene's rules, so a missing finding only matters when the known ones
do not already settle the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clinic_app.domain.decision.model import Path, Trigger


@dataclass(frozen=True)
class Cond:
    value: bool | None
    triggers: tuple[Trigger, ...] = ()
    missing: tuple[Path, ...] = ()

    @property
    def true(self) -> bool:
        return self.value is True

    @property
    def false(self) -> bool:
        return self.value is False

    @property
    def unknown(self) -> bool:
        return self.value is None


TRUE = Cond(True)
FALSE = Cond(False)


def _merge_triggers(conds: Iterable[Cond]) -> tuple[Trigger, ...]:
    seen: dict[Path, Trigger] = {}
    for cond in conds:
        for trigger in cond.triggers:
            seen.setdefault(trigger.path, trigger)
    return tuple(seen.values())


def _merge_missing(conds: Iterable[Cond]) -> tuple[Path, ...]:
    return tuple(dict.fromkeys(path for cond in conds for path in cond.missing))


def any_of(*conds: Cond) -> Cond:
    """True when one is true; false only when every one is known false."""
    hits = [c for c in conds if c.true]
    if hits:
        return Cond(True, _merge_triggers(hits))
    unknown = [c for c in conds if c.unknown]
    if unknown:
        return Cond(None, _merge_triggers(conds), _merge_missing(unknown))
    return Cond(False, _merge_triggers(conds))


def all_of(*conds: Cond) -> Cond:
    """False when one is false; true only when every one is known true."""
    misses = [c for c in conds if c.false]
    if misses:
        return Cond(False, _merge_triggers(misses))
    unknown = [c for c in conds if c.unknown]
    if unknown:
        return Cond(None, _merge_triggers(conds), _merge_missing(unknown))
    return Cond(True, _merge_triggers(conds))


def not_(cond: Cond) -> Cond:
    return Cond(None if cond.value is None else not cond.value, cond.triggers, cond.missing)


def screened(*conds: Cond) -> Cond:
    """A feature tested in several ways: present if any test is positive; absent once at
    least one test was done and none is positive. The untested ones stay listed as missing.
    """
    hits = [c for c in conds if c.true]
    if hits:
        return Cond(True, _merge_triggers(hits))
    if any(c.false for c in conds):
        return Cond(False, _merge_triggers(conds), _merge_missing(conds))
    return Cond(None, (), _merge_missing(conds))


def at_least(count: int, *conds: Cond) -> Cond:
    """True when ``count`` are true; false when too few could still become true."""
    hits = [c for c in conds if c.true]
    unknown = [c for c in conds if c.unknown]
    if len(hits) >= count:
        return Cond(True, _merge_triggers(hits))
    if len(hits) + len(unknown) < count:
        return Cond(False, _merge_triggers(conds))
    return Cond(None, _merge_triggers(hits), _merge_missing(unknown))
