"""Demo patients: the practice cases offered on first start, stored like real patients.

The cases arrive parsed, from the composition root (services read no files); they are
asked for only when needed, so a start that loads no demo patients does not parse them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from clinic_app.domain.case_file import CaseFile
from clinic_app.services.case_import import store_case
from clinic_app.services.ports import UnitOfWorkFactory

DemoCases = Callable[[], Sequence[CaseFile]]


def seed_demo_patients(unit_of_work_factory: UnitOfWorkFactory, cases: Sequence[CaseFile]) -> int:
    """Store each case's patient with its assessments, but only into a database without patients.

    Earlier assessments are added first (oldest first), then the case's assessment, each with
    its own date. Everything is written in one transaction, so a failure leaves no half-seeded
    database. Returns the number of patients added (0 when patients already exist).
    """
    with unit_of_work_factory() as uow:
        if uow.patients.any():
            return 0
        for case in cases:
            store_case(uow, case, created_by=None)
        uow.commit()
    return len(cases)


class DemoService:
    """Offers the demo patients while the database has no patients, and loads them."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, cases: DemoCases) -> None:
        self._uow = unit_of_work
        self._cases = cases
        self._parsed: Sequence[CaseFile] | None = None

    def case_count(self) -> int:
        return len(self._demo_cases())

    def can_load(self) -> bool:
        """True while no patient is stored: demo patients never mix with real ones."""
        with self._uow() as uow:
            return not uow.patients.any()

    def load_demo_patients(self) -> int:
        """Store the demo patients; the number added (0 when the database has patients)."""
        return seed_demo_patients(self._uow, self._demo_cases())

    def _demo_cases(self) -> Sequence[CaseFile]:
        if self._parsed is None:
            self._parsed = tuple(self._cases())
        return self._parsed
