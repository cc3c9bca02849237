"""Demo patients: the practice cases offered on first start, stored like real patients."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from clinic_app.domain.case_file import CaseFile, parse_case
from clinic_app.resources import resource
from clinic_app.services.ports import UnitOfWorkFactory


def seed_demo_patients(unit_of_work_factory: UnitOfWorkFactory, cases: Sequence[CaseFile]) -> int:
    """Store each case's patient with its assessments, but only into a database without patients.

    Earlier assessments are added first (oldest first), then the case's assessment, each with
    its own date. Everything is written in one transaction, so a failure leaves no half-seeded
    database. Returns the number of patients added (0 when patients already exist).
    """
    with unit_of_work_factory() as uow:
        if uow.patients.count() > 0:
            return 0
        for case in cases:
            patient_id = uow.patients.add(case.patient)
            for assessment in (*case.earlier_assessments, case.assessment):
                uow.assessments.add(patient_id, assessment)
        uow.commit()
    return len(cases)


def demo_case_paths(folder: Path | None = None) -> list[Path]:
    """The bundled ``case<N>.json`` files in numeric order (case2 before case10)."""
    folder = folder if folder is not None else resource("demo")
    return sorted(folder.glob("case*.json"), key=_case_number)


def load_demo_cases(folder: Path | None = None) -> list[CaseFile]:
    """Parse the bundled demo cases; a broken file raises ``CaseFileError`` naming the problem."""
    return [parse_case(path.read_text(encoding="utf-8")) for path in demo_case_paths(folder)]


def _case_number(path: Path) -> tuple[int, str]:
    match = re.search(r"(\d+)", path.stem)
    return (int(match.group(1)) if match else 0, path.name)
