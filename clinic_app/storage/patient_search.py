"""What "search as you type" means for patients, independent of the SQL that runs it.

A patient is found by the words of its family name, given names and identifier,
each normalised with ``search_key`` (so "zoe" finds "Zoë") and split at spaces and
punctuation (so "oster" finds "Ñúñez-Øster"). Every word typed must be the start of
one of those words. A typed word that is a whole date (2001-12-31, 31.12.2001,
31/12/2001) matches the date of birth instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from clinic_app.domain.patient import Patient, search_key

_WORD_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,;:/\\'’\"()#+]+")
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")


def words_of(text: str) -> list[str]:
    """The normalised words of ``text``, in order, without empties."""
    return [word for word in _WORD_SEPARATORS.split(search_key(text)) if word]


def search_terms(patient: Patient) -> set[str]:
    """Every word a patient can be found by."""
    terms = set(words_of(patient.family_name)) | set(words_of(patient.given_names))
    if patient.identifier:
        terms |= set(words_of(patient.identifier))
    return terms


SHORT_PREFIX_LENGTH = 3  # words' starts up to this long are indexed in name order


def short_prefixes(terms: set[str]) -> set[str]:
    """The one- to ``SHORT_PREFIX_LENGTH``-letter starts of ``terms``."""
    return {
        term[:length] for term in terms for length in range(1, SHORT_PREFIX_LENGTH + 1)
    }


@dataclass(frozen=True)
class PatientQuery:
    prefixes: tuple[str, ...]
    dates_of_birth: tuple[date, ...]


def parse_query(text: str) -> PatientQuery:
    prefixes: list[str] = []
    dates: list[date] = []
    for chunk in text.split():
        born = parse_date(chunk)
        if born is not None:
            dates.append(born)
        else:
            prefixes.extend(word for word in words_of(chunk) if word not in prefixes)
    return PatientQuery(tuple(prefixes), tuple(dict.fromkeys(dates)))


def parse_date(text: str) -> date | None:
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def prefix_upper_bound(prefix: str) -> str | None:
    """The smallest string above every string starting with ``prefix`` (code-point order).

    None when there is none (the prefix is all U+10FFFF): then no upper bound applies.
    """
    for position in range(len(prefix) - 1, -1, -1):
        code = ord(prefix[position])
        if code < _MAX_CODE_POINT:
            following = _FIRST_AFTER_SURROGATES if code + 1 == _FIRST_SURROGATE else code + 1
            return prefix[:position] + chr(following)
    return None


_MAX_CODE_POINT = 0x10FFFF
_FIRST_SURROGATE = 0xD800
_FIRST_AFTER_SURROGATES = 0xE000
