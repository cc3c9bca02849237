"""Patients in SQL, with the indexed words that "search as you type" runs on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Row, bindparam, delete, exists, func, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from clinic_app.domain.model_base import AS_STORED
from clinic_app.domain.patient import Patient, Sex, search_key
from clinic_app.services.ports import NotFoundError, PatientRecord
from clinic_app.storage.clock import utc_now
from clinic_app.storage.patient_search import (
    SHORT_PREFIX_LENGTH,
    PatientQuery,
    parse_query,
    prefix_upper_bound,
    search_terms,
    short_prefixes,
)
from clinic_app.storage.rows import PatientRow, PatientSearchPrefixRow, PatientSearchTermRow

# Counting how many patients a word finds stops here: a word this common is read in name
# order from its short prefix's rows instead of sorting all it finds.
WORD_COUNT_CAP = 500

_PATIENT_COLUMNS = (
    PatientRow.id, PatientRow.family_name, PatientRow.given_names, PatientRow.date_of_birth,
    PatientRow.sex, PatientRow.identifier, PatientRow.phone, PatientRow.email, PatientRow.address,
)
_NAME_ORDER = (PatientRow.family_key, PatientRow.given_key, PatientRow.id)
_LEAP_BATCH = 128  # patients read per word and step of a common-word search


class SqlAlchemyPatientRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, patient: Patient) -> int:
        now = utc_now()
        row = PatientRow(created_at=now, updated_at=now)
        _copy_into(row, patient)
        self._session.add(row)
        self._session.flush()
        self._store_terms(row)
        return row.id

    def get(self, patient_id: int) -> PatientRecord:
        return PatientRecord(patient_id, _to_patient(self._row(patient_id)))

    def replace(self, patient_id: int, patient: Patient) -> None:
        row = self._row(patient_id)
        _copy_into(row, patient)
        row.updated_at = utc_now()
        for table in (PatientSearchTermRow, PatientSearchPrefixRow):
            self._session.execute(delete(table).where(table.patient_id == patient_id))
        self._store_terms(row)
        self._session.flush()

    def delete(self, patient_id: int) -> None:
        self._session.delete(self._row(patient_id))  # search terms go with it (cascade)
        self._session.flush()

    def search(self, text: str, limit: int, after: int | None = None) -> list[PatientRecord]:
        """See ``patient_search`` for what matches; ordered by family, then given names.

        ``after``: a patient id; only those listed after that patient (the next page)."""
        query = parse_query(text)
        past = self._sort_key(after)
        if past == ():
            return []  # the patient the page follows is gone: the caller searches again
        if query.prefixes and not query.dates_of_birth:
            return self._by_words(query.prefixes, limit, past)
        return self._records(
            select(*_PATIENT_COLUMNS)
            .where(
                *_born_on_any(query), *(_has_word_starting(p) for p in query.prefixes),
                *_listed_after(past, *_NAME_ORDER),
            )
            .order_by(*_NAME_ORDER)
            .limit(limit)
        )

    def count(self) -> int:
        return self._session.scalar(select(func.count()).select_from(PatientRow)) or 0

    def any(self) -> bool:
        """Whether a patient is stored (cheaper than ``count`` on a large table)."""
        return bool(self._session.scalar(select(exists().select_from(PatientRow))))

    def _sort_key(self, patient_id: int | None) -> tuple[Any, ...] | None:
        """The name-order position of ``patient_id``; None for none, () when not found."""
        if patient_id is None:
            return None
        found = self._session.execute(
            select(*_NAME_ORDER).where(PatientRow.id == patient_id)
        ).one_or_none()
        return () if found is None else tuple(found)

    def _by_words(
        self, prefixes: tuple[str, ...], limit: int, past: tuple[Any, ...] | None = None
    ) -> list[PatientRecord]:
        found = {prefix: self._patients_found_by(prefix) for prefix in prefixes}
        if min(found.values()) < WORD_COUNT_CAP:
            return self._by_rare_word(min(prefixes, key=found.__getitem__), prefixes, limit, past)
        return self._by_common_words(prefixes, limit, past)

    def _by_common_words(
        self, prefixes: tuple[str, ...], limit: int, past: tuple[Any, ...] | None
    ) -> list[PatientRecord]:
        """Every word is common: each word's patients are read in name order from its short
        prefix's rows (the primary key), a batch at a time from the same position.

        The batch that reaches furthest comes from the word that is rarest around here; its
        patients from the furthest first patient on are checked for the other words. So
        "tanaka kai" skips every Kai before the Tanakas at once, then reads the Kais among
        the Tanakas, where walking either list and testing the other word for each patient
        would read thousands of rows.
        """
        found: list[int] = []
        reads = [_WordReader(self._session, prefix) for prefix in prefixes]
        start: tuple[Any, ...] | None = past
        inclusive = False
        while len(found) < limit:
            batches = [read(start, inclusive) for read in reads]
            if not all(batches):
                break
            furthest = max(batch[0] for batch in batches)
            reach = [(len(b) < _LEAP_BATCH, b[-1]) for b in batches]  # a short batch: the end
            rarest = max(range(len(batches)), key=reach.__getitem__)
            ids = [key[2] for key in batches[rarest] if key >= furthest]
            for index, prefix in enumerate(prefixes):
                if index != rarest and ids:
                    having = self._having_word(ids, prefix)
                    ids = [patient_id for patient_id in ids if patient_id in having]
            found.extend(ids)
            if len(batches[rarest]) < _LEAP_BATCH:
                break
            start, inclusive = batches[rarest][-1], False
        return self._in_order(found[:limit])

    def _having_word(self, ids: list[int], prefix: str) -> set[int]:
        """Those of ``ids`` with a word starting with ``prefix``."""
        term = PatientSearchTermRow
        return set(self._session.connection().scalars(
            select(term.patient_id).distinct()
            .where(term.patient_id.in_(ids), *_word_range(term.term, prefix))
        ))

    def _by_rare_word(
        self, driver: str, prefixes: tuple[str, ...], limit: int,
        past: tuple[Any, ...] | None = None,
    ) -> list[PatientRecord]:
        """Read the rarest word's range from the term index, in name order, then the patients.

        A patient with two words starting with the same prefix appears twice in
        the range, always next to itself (same sort keys): fetch more until
        ``limit`` distinct patients are found or the range is exhausted.
        """
        term = PatientSearchTermRow
        statement = (
            select(term.patient_id)
            .where(
                *_word_range(term.term, driver),
                *(_has_word_starting(p, term.patient_id) for p in prefixes if p != driver),
                *_listed_after(past, term.family_key, term.given_key, term.patient_id),
            )
            .order_by(term.family_key, term.given_key, term.patient_id)
        )
        fetch = 2 * limit
        while True:
            found = list(self._session.scalars(statement.limit(fetch)))
            ids = list(dict.fromkeys(found))[:limit]
            if len(ids) == limit or len(found) < fetch:
                break
            fetch *= 4
        return self._in_order(ids)

    def _in_order(self, ids: list[int]) -> list[PatientRecord]:
        """The patients ``ids`` names, in that order."""
        if not ids:
            return []
        records = self._records(select(*_PATIENT_COLUMNS).where(PatientRow.id.in_(ids)))
        position = {patient_id: index for index, patient_id in enumerate(ids)}
        return sorted(records, key=lambda record: position[record.id])

    def _patients_found_by(self, prefix: str) -> int:
        found = (
            select(PatientSearchTermRow.patient_id)
            .where(*_word_range(PatientSearchTermRow.term, prefix))
            .limit(WORD_COUNT_CAP)
            .subquery()
        )
        return self._session.scalar(select(func.count()).select_from(found)) or 0

    def _records(self, statement: Any) -> list[PatientRecord]:
        return [
            PatientRecord(found.id, _to_patient(found))
            for found in self._session.execute(statement)
        ]

    def _row(self, patient_id: int) -> PatientRow:
        row = self._session.get(PatientRow, patient_id)
        if row is None:
            raise NotFoundError(f"no patient with id {patient_id}")
        return row

    def _store_terms(self, row: PatientRow) -> None:
        terms = search_terms(_to_patient(row))
        keys = {"family_key": row.family_key, "given_key": row.given_key, "patient_id": row.id}
        self._session.add_all(PatientSearchTermRow(term=term, **keys) for term in sorted(terms))
        self._session.add_all(
            PatientSearchPrefixRow(prefix=prefix, **keys)
            for prefix in sorted(short_prefixes(terms))
        )


class _WordReader:
    """Reads the patients with a word starting with ``prefix``, in name order, a batch at a
    time from a given position (statements built once: the search reads many batches)."""

    def __init__(self, session: Session, prefix: str) -> None:
        rows = PatientSearchPrefixRow
        order = (rows.family_key, rows.given_key, rows.patient_id)
        conditions = [rows.prefix == prefix[:SHORT_PREFIX_LENGTH]]
        if len(prefix) > SHORT_PREFIX_LENGTH:
            conditions.append(_has_word_starting(prefix, rows.patient_id))
        base = select(*order).where(*conditions).order_by(*order).limit(_LEAP_BATCH)
        position = tuple_(*order)
        start = tuple_(bindparam("family"), bindparam("given"), bindparam("patient"))
        self._session = session
        self._first = base
        self._from = base.where(position >= start)
        self._after = base.where(position > start)

    def __call__(self, start: tuple[Any, ...] | None, inclusive: bool) -> list[tuple[Any, ...]]:
        # The connection, not the ORM session: plain rows, without the ORM's per-call work.
        connection = self._session.connection()
        if start is None:
            found = connection.execute(self._first)
        else:
            family, given, patient = start
            found = connection.execute(
                self._from if inclusive else self._after,
                {"family": family, "given": given, "patient": patient},
            )
        return [tuple(row) for row in found]


def _listed_after(past: tuple[Any, ...] | None, *order: Any) -> list[ColumnElement[bool]]:
    """Keyset paging: the rows after ``past`` in ``order`` (index-driven, no OFFSET)."""
    return [] if past is None else [tuple_(*order) > tuple_(*past)]


def _born_on_any(query: PatientQuery) -> list[ColumnElement[bool]]:
    return [PatientRow.date_of_birth == born for born in query.dates_of_birth]


def _word_range(term: InstrumentedAttribute[str], prefix: str) -> list[ColumnElement[bool]]:
    conditions = [term >= prefix]
    upper = prefix_upper_bound(prefix)
    if upper is not None:
        conditions.append(term < upper)
    return conditions


def _has_word_starting(
    prefix: str, patient_id: ColumnElement[int] | InstrumentedAttribute[int] = PatientRow.id
) -> ColumnElement[bool]:
    """Probed per patient through the (patient_id, term) index."""
    word = aliased(PatientSearchTermRow)
    return (
        select(word.patient_id)
        .where(word.patient_id == patient_id, *_word_range(word.term, prefix))
        .exists()
    )


def _copy_into(row: PatientRow, patient: Patient) -> None:
    row.family_name = patient.family_name
    row.given_names = patient.given_names
    row.date_of_birth = patient.date_of_birth
    row.sex = patient.sex.value
    row.identifier = patient.identifier
    row.phone = patient.phone
    row.email = patient.email
    row.address = patient.address
    row.family_key = search_key(patient.family_name)
    row.given_key = search_key(patient.given_names)
    row.identifier_key = search_key(patient.identifier) if patient.identifier else None


def _to_patient(row: PatientRow | Row[Any]) -> Patient:
    return Patient.model_validate({
        "family_name": row.family_name,
        "given_names": row.given_names,
        "date_of_birth": row.date_of_birth,
        "sex": Sex(row.sex),
        "identifier": row.identifier,
        "phone": row.phone,
        "email": row.email,
        "address": row.address,
    }, context=AS_STORED)


def patient_from_row(row: PatientRow | Row[Any]) -> Patient:
    """A stored patient row as the domain's patient (for repositories that join patients)."""
    return _to_patient(row)
