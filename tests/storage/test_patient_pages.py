"""The patient list's pages (keyset paging after a patient) on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.patient import Patient, Sex
from clinic_app.storage.database import Database


def register(database: Database, *names: tuple[str, str]) -> list[int]:
    with database.unit_of_work() as uow:
        ids = [
            uow.patients.add(Patient(
                family_name=family, given_names=given, date_of_birth=date(1980, 1, 2),
                sex=Sex.OTHER,
            ))
            for family, given in names
        ]
        uow.commit()
    return ids


def paged(database: Database, text: str, size: int) -> list[int]:
    """Every patient the search finds, read page after page as the list scrolls."""
    found: list[int] = []
    with database.unit_of_work() as uow:
        while True:
            page = uow.patients.search(text, size, found[-1] if found else None)
            if not page:
                return found
            found.extend(record.id for record in page)


def at_once(database: Database, text: str) -> list[int]:
    with database.unit_of_work() as uow:
        return [record.id for record in uow.patients.search(text, 1000)]


NAMES = [("Smith", "Anna"), ("Smith", "Anna"), ("Smith Smithers", "Bo"), ("Ñúñez", "Zoë"),
         ("Okafor", "Smita"), ("Smith", "Carl"), ("Brennan", "Sam"), ("Smythe", "Ann")]


def test_pages_list_every_patient_once_in_the_order_of_one_search(database: Database) -> None:
    register(database, *NAMES)
    for text in ("", "smi", "sm", "a", "1980-01-02", "smi 02.01.1980", "zz"):
        for size in (1, 2, 3):
            assert paged(database, text, size) == at_once(database, text), (text, size)
    assert len(at_once(database, "sm")) == 6  # "Smith Smithers" once, though two words match


def test_the_page_after_a_deleted_patient_is_empty(database: Database) -> None:
    first, *_ = register(database, *NAMES)
    with database.unit_of_work() as uow:
        uow.patients.delete(first)
        uow.commit()
    with database.unit_of_work() as uow:
        assert uow.patients.search("", 10, first) == []


def test_any_says_whether_a_patient_is_stored(database: Database) -> None:
    with database.unit_of_work() as uow:
        assert uow.patients.any() is False
    register(database, ("Smith", "Anna"))
    with database.unit_of_work() as uow:
        assert uow.patients.any() is True
