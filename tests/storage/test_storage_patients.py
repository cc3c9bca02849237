"""Patients on SQLite and PostgreSQL: round trip, replace, and search as you type."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.domain.patient import Patient, Sex
from clinic_app.services.ports import NotFoundError
from clinic_app.storage.database import Database


def patient(
    family: str, given: str, born: date = date(1980, 1, 1), identifier: str | None = None
) -> Patient:
    return Patient(
        family_name=family, given_names=given, date_of_birth=born, sex=Sex.OTHER,
        identifier=identifier,
    )


def register(database: Database, *patients: Patient) -> list[int]:
    with database.unit_of_work() as uow:
        ids = [uow.patients.add(each) for each in patients]
        uow.commit()
    return ids


def search(database: Database, text: str, limit: int = 50) -> list[str]:
    with database.unit_of_work() as uow:
        return [record.patient.display_name for record in uow.patients.search(text, limit)]


def test_patient_with_every_field_and_non_latin_names_round_trips(database: Database) -> None:
    zoe = Patient(
        family_name="Ñúñez-Øster", given_names="Zoë", date_of_birth=date(1994, 2, 28),
        sex=Sex.FEMALE, identifier="NHS-987 654", phone="+44 20 7946 0018",
        email="zoe@example.org", address="1 Rue de l'Église\n75001 Paris",
    )
    ivan = Patient(
        family_name="Петров", given_names="Иван", date_of_birth=date(1970, 12, 31), sex=Sex.MALE
    )
    zoe_id, ivan_id = register(database, zoe, ivan)

    with database.unit_of_work() as uow:
        assert uow.patients.get(zoe_id).patient == zoe
        assert uow.patients.get(ivan_id).patient == ivan
        assert uow.patients.count() == 2


def test_uncommitted_patient_is_rolled_back(database: Database) -> None:
    with database.unit_of_work() as uow:
        uow.patients.add(patient("Lost", "Never"))
    with database.unit_of_work() as uow:
        assert uow.patients.count() == 0


def test_replace_updates_fields_and_search_words(database: Database) -> None:
    (patient_id,) = register(database, patient("Old", "Name", identifier="X1"))
    renamed = patient("Brand-New", "Name", identifier="Y2")
    with database.unit_of_work() as uow:
        uow.patients.replace(patient_id, renamed)
        uow.commit()

    with database.unit_of_work() as uow:
        assert uow.patients.get(patient_id).patient == renamed
    assert search(database, "old") == []
    assert search(database, "x1") == []
    assert search(database, "new") == ["Brand-New, Name"]
    assert search(database, "y2") == ["Brand-New, Name"]


def test_unknown_patient_is_not_found(database: Database) -> None:
    with database.unit_of_work() as uow:
        with pytest.raises(NotFoundError):
            uow.patients.get(404)
        with pytest.raises(NotFoundError):
            uow.patients.replace(404, patient("Nobody", "Here"))


@pytest.fixture
def people(database: Database) -> Database:
    register(
        database,
        patient("Ñúñez-Øster", "Zoë", date(1994, 2, 28), identifier="NHS-987654"),
        patient("Nunn", "Alice Maria", date(1960, 7, 4)),
        patient("Петров", "Иван", date(1970, 12, 31), identifier="RU-55"),
        patient("Zoller", "Bruno", date(1994, 2, 28)),
        patient("van der Berg", "Anna", date(2001, 9, 11), identifier="A-100"),
        patient("Berger", "Zoe", date(1985, 5, 5)),
    )
    return database


def test_empty_query_lists_everyone_by_family_then_given_names(people: Database) -> None:
    # Normalised order: "nunez-oster" < "nunn"; Cyrillic after Latin.
    assert search(people, "") == [
        "Berger, Zoe",
        "Ñúñez-Øster, Zoë",
        "Nunn, Alice Maria",
        "van der Berg, Anna",
        "Zoller, Bruno",
        "Петров, Иван",
    ]
    assert search(people, "   ") == search(people, "")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe", ["Berger, Zoe", "Ñúñez-Øster, Zoë"]),
        ("ZOË", ["Berger, Zoe", "Ñúñez-Øster, Zoë"]),
        ("nunez", ["Ñúñez-Øster, Zoë"]),
        ("ÑÚÑE", ["Ñúñez-Øster, Zoë"]),
        ("oster", ["Ñúñez-Øster, Zoë"]),
        ("nun", ["Ñúñez-Øster, Zoë", "Nunn, Alice Maria"]),
        ("maria", ["Nunn, Alice Maria"]),
        ("петр", ["Петров, Иван"]),
        ("ИВАН петров", ["Петров, Иван"]),
        ("berg", ["Berger, Zoe", "van der Berg, Anna"]),
        ("berg anna", ["van der Berg, Anna"]),
        ("an ber", ["van der Berg, Anna"]),
        ("zo ber", ["Berger, Zoe"]),
        ("nhs-98", ["Ñúñez-Øster, Zoë"]),
        ("987654", ["Ñúñez-Øster, Zoë"]),
        ("ru", ["Петров, Иван"]),
        ("a-100", ["van der Berg, Anna"]),
        ("lice", []),
        ("zoe nobody", []),
    ],
)
def test_every_word_must_start_a_name_or_identifier_word(
    people: Database, query: str, expected: list[str]
) -> None:
    assert search(people, query) == expected


@pytest.mark.parametrize("written", ["1994-02-28", "28.02.1994", "28/02/1994"])
def test_a_date_matches_the_date_of_birth(people: Database, written: str) -> None:
    assert search(people, written) == ["Ñúñez-Øster, Zoë", "Zoller, Bruno"]


def test_a_date_and_a_name_narrow_each_other(people: Database) -> None:
    assert search(people, "zol 28.02.1994") == ["Zoller, Bruno"]
    assert search(people, "berger 28.02.1994") == []


def test_an_impossible_date_is_searched_as_words(people: Database) -> None:
    assert search(people, "31.02.1994") == []


def test_limit_keeps_the_first_in_order(people: Database) -> None:
    assert search(people, "", limit=2) == ["Berger, Zoe", "Ñúñez-Øster, Zoë"]
    assert search(people, "zoe", limit=1) == ["Berger, Zoe"]


def test_a_patient_found_by_several_of_its_words_is_listed_once(database: Database) -> None:
    register(
        database,
        patient("Annan", "Ann Anna Annie", identifier="AN-1"),  # five words starting "an"
        patient("Zed", "Anouk"),
        patient("Bo", "Bertil"),
    )
    assert search(database, "an", limit=1) == ["Annan, Ann Anna Annie"]
    assert search(database, "an", limit=2) == ["Annan, Ann Anna Annie", "Zed, Anouk"]
    assert search(database, "an") == ["Annan, Ann Anna Annie", "Zed, Anouk"]
    assert search(database, "ann an", limit=1) == ["Annan, Ann Anna Annie"]
