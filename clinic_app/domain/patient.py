"""The patient: identification and contact, nothing clinical."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import ClassVar

from pydantic import Field, field_validator

from clinic_app.domain.model_base import Choice, DomainModel
from clinic_app.domain.patient_listing import patient_display_name


class Sex(Choice):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Patient(DomainModel):
    one_line_fields: ClassVar[frozenset[str]] = frozenset(
        {"family_name", "given_names", "identifier", "phone", "email"}
    )

    family_name: str = Field(title="Family name", min_length=1, max_length=200)
    given_names: str = Field(title="Given names", min_length=1, max_length=200)
    date_of_birth: date = Field(title="Date of birth")
    sex: Sex = Field(title="Sex")
    identifier: str | None = Field(
        default=None, title="Identifier", description="Clinic or health-service number",
        max_length=100,
    )
    phone: str | None = Field(default=None, title="Phone", max_length=50)
    email: str | None = Field(default=None, title="Email", max_length=200)
    address: str | None = Field(default=None, title="Address", max_length=500)

    @field_validator("family_name", "given_names")
    @classmethod
    def _names_not_blank(cls, value: str) -> str:
        stripped = value.strip()
        if not stripped:
            raise ValueError("must not be blank")
        return stripped

    @property
    def display_name(self) -> str:
        return patient_display_name(self.family_name, self.given_names)

    @property
    def sex_label(self) -> str:
        return self.sex.label

    def age_on(self, day: date) -> int:
        return age_in_years(self.date_of_birth, day)


def age_in_years(born: date, on: date) -> int:
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


def search_key(text: str) -> str:
    """Case- and accent-insensitive form used to index and search names and identifiers.

    "Zoë Ñúñez-Øster" -> "zoe nunez-oster"; Cyrillic stays Cyrillic, lower-cased.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_NON_DECOMPOSING).strip()


_NON_DECOMPOSING = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe"})
