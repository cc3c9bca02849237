"""Three-valued logic with provenance: true, false or unknown (not assessed).

A ``Cond`` remembers which findings made it what it is: the triggers to show
when it holds, and the unassessed findings that keep it unknown. Combining
follows Kleene's rules, so a missing finding only matters when the known ones
do not already settle the answer.

Kleene's rules alone miss answers that hold for every value of a missing finding
when that finding appears more than once ("patella tender and fibular head not
tender, or fibular head tender" is true whatever the fibular head shows). So an
unknown condition also carries its answer as a function of the missing findings
(``completion``), and a combination that Kleene leaves unknown is settled by trying
every completion: decided when they all agree, unknown only when a missing finding
could change the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import count, product
from math import prod
from typing import Any

from clinic_app.domain.decision.model import Path, Trigger

Assignment = Mapping[Hashable, Any]
# Above this many completions a combination keeps Kleene's (sound, less decisive) answer.
MAX_COMPLETIONS = 4096
_ATOM_IDS = count()


@dataclass(frozen=True)
class Atom:
    """One missing finding as a completion varies it: a key and the values to try.

    A boolean or single-choice finding is keyed by its path (every test of it sees the
    same value); any other test is its own true/false atom, which may try combinations
    that cannot occur together, so it can leave an answer unknown but never decide a
    wrong one.
    """

    key: Hashable
    domain: tuple[Any, ...]


@dataclass(frozen=True)
class Cond:
    value: bool | None
    triggers: tuple[Trigger, ...] = ()
    missing: tuple[Path, ...] = ()
    atoms: tuple[Atom, ...] = field(default=(), compare=False)
    completion: Callable[[Assignment], bool] | None = field(default=None, compare=False)

    @property
    def true(self) -> bool:
        return self.value is True

    @property
    def false(self) -> bool:
        return self.value is False

    @property
    def unknown(self) -> bool:
        return self.value is None

    def atoms_used(self) -> tuple[Atom, ...]:
        if self.value is not None:
            return ()
        if self.completion is None:  # built by hand: its own true/false atom
            return (Atom(("opaque", id(self)), (True, False)),)
        return self.atoms

    def under(self, assignment: Assignment) -> bool:
        """The value once the missing findings take the values in ``assignment``."""
        if self.value is not None:
            return self.value
        if self.completion is None:
            return bool(assignment[("opaque", id(self))])
        return self.completion(assignment)


TRUE = Cond(True)
FALSE = Cond(False)


def missing_finding(
    path: Path, domain: tuple[Any, ...] | None, predicate: Callable[[Any], bool]
) -> Cond:
    """A finding not assessed: unknown, with ``predicate`` over the values it could take
    (``domain``), or its own true/false atom when the values are not enumerable."""
    if domain is None:
        key: Hashable = ("test", path, next(_ATOM_IDS))
        return Cond(None, (), (path,), (Atom(key, (True, False)),),
                    lambda assignment: bool(assignment[key]))
    answers = {bool(predicate(value)) for value in domain}
    if len(answers) == 1:  # no value it could take would change the answer
        return Cond(answers.pop())
    return Cond(None, (), (path,), (Atom(path, domain),),
                lambda assignment: bool(predicate(assignment[path])))


def _merge_triggers(conds: Iterable[Cond]) -> tuple[Trigger, ...]:
    seen: dict[Path, Trigger] = {}
    for cond in conds:
        for trigger in cond.triggers:
            seen.setdefault(trigger.path, trigger)
    return tuple(seen.values())


def _merge_missing(conds: Iterable[Cond]) -> tuple[Path, ...]:
    return tuple(dict.fromkeys(path for cond in conds for path in cond.missing))


def _merge_atoms(conds: Iterable[Cond]) -> tuple[Atom, ...]:
    domains: dict[Hashable, dict[Any, None]] = {}
    for cond in conds:
        for atom in cond.atoms_used():
            domains.setdefault(atom.key, {}).update(dict.fromkeys(atom.domain))
    return tuple(Atom(key, tuple(values)) for key, values in domains.items())


def settle(
    conds: tuple[Cond, ...], combine: Callable[[list[bool]], bool],
    triggers: tuple[Trigger, ...], missing: tuple[Path, ...],
) -> Cond:
    """An unknown combination: decided when every completion of its missing findings gives
    the same answer, else unknown with the function that completions would evaluate."""
    atoms = _merge_atoms(conds)

    def completion(assignment: Assignment) -> bool:
        return combine([cond.under(assignment) for cond in conds])

    # Kleene's answer is already exact unless two parts read the same missing finding:
    # monotone combinations of independent unknowns can always go either way.
    keys_per_part = [{atom.key for atom in cond.atoms_used()} for cond in conds]
    shared = len(set().union(*keys_per_part)) < sum(len(keys) for keys in keys_per_part)
    if shared and prod(len(atom.domain) for atom in atoms) <= MAX_COMPLETIONS:
        keys = [atom.key for atom in atoms]
        answers = {
            completion(dict(zip(keys, values, strict=True)))
            for values in product(*(atom.domain for atom in atoms))
        }
        if len(answers) == 1:
            return Cond(answers.pop(), triggers)
    return Cond(None, triggers, missing, atoms, completion)


def any_of(*conds: Cond) -> Cond:
    """True when one is true; false only when every one is known false (or would be
    false whatever the missing findings show)."""
    hits = [c for c in conds if c.true]
    if hits:
        return Cond(True, _merge_triggers(hits))
    unknown = [c for c in conds if c.unknown]
    if unknown:
        return settle(conds, any, _merge_triggers(conds), _merge_missing(unknown))
    return Cond(False, _merge_triggers(conds))


def all_of(*conds: Cond) -> Cond:
    """False when one is false; true only when every one is known true (or would be true
    whatever the missing findings show)."""
    misses = [c for c in conds if c.false]
    if misses:
        return Cond(False, _merge_triggers(misses))
    unknown = [c for c in conds if c.unknown]
    if unknown:
        return settle(conds, all, _merge_triggers(conds), _merge_missing(unknown))
    return Cond(True, _merge_triggers(conds))


def not_(cond: Cond) -> Cond:
    if cond.value is not None:
        return Cond(not cond.value, cond.triggers, cond.missing)
    return Cond(None, cond.triggers, cond.missing, cond.atoms_used(),
                lambda assignment: not cond.under(assignment))


def screened(*conds: Cond) -> Cond:
    """A feature tested in several ways: present if any test is positive; absent once at
    least one test was done and none is positive. The untested ones stay listed as missing.
    """
    hits = [c for c in conds if c.true]
    if hits:
        return Cond(True, _merge_triggers(hits))
    if any(c.false for c in conds):
        return Cond(False, _merge_triggers(conds), _merge_missing(conds))
    return settle(conds, any, (), _merge_missing(conds))


def at_least(count: int, *conds: Cond) -> Cond:
    """True when ``count`` are true; false when too few could still become true."""
    hits = [c for c in conds if c.true]
    unknown = [c for c in conds if c.unknown]
    if len(hits) >= count:
        return Cond(True, _merge_triggers(hits))
    if len(hits) + len(unknown) < count:
        return Cond(False, _merge_triggers(conds))
    return settle(conds, lambda answers: sum(answers) >= count, _merge_triggers(hits),
                  _merge_missing(unknown))
