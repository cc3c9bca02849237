"""Fill a database with many synthetic patients, quickly, through the real repositories."""

from __future__ import annotations

import random
from datetime import date, timedelta

from clinic_app.domain.patient import Patient, Sex
from clinic_app.storage.database import Database

FAMILY = ["Smith", "Okafor", "Ñúñez-Øster", "Петров", "Müller", "Lindqvist", "Moreno", "Brennan",
          "Hartley", "Nguyen", "Kowalski", "O'Brien", "Haddad", "Rossi", "Tanaka", "Dubois"]
GIVEN = ["Anna", "Zoë", "Иван", "Jonas", "Emma", "Daniel", "Tomás", "Michael", "Aisha", "Lucía",
         "Kai", "Mei", "Olu", "Sven", "Chloé", "Ravi"]


def synthetic_patients(count: int, seed: int = 7) -> list[Patient]:
    rng = random.Random(seed)
    first_birthday = date(1930, 1, 1)
    patients = []
    for number in range(count):
        family = f"{rng.choice(FAMILY)}{'' if rng.random() < 0.3 else rng.randint(1, 9999)}"
        patients.append(
            Patient(
                family_name=family,
                given_names=rng.choice(GIVEN),
                date_of_birth=first_birthday + timedelta(days=rng.randint(0, 32000)),
                sex=rng.choice(list(Sex)),
                identifier=f"MRN{number:07d}",
            )
        )
    return patients


def populate(database: Database, count: int) -> None:
    batch = 5000
    patients = synthetic_patients(count)
    for start in range(0, count, batch):
        with database.unit_of_work() as uow:
            for patient in patients[start:start + batch]:
                uow.patients.add(patient)
            uow.commit()
