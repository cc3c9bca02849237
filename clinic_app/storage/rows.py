"""ORM rows: the patient, the words it is found by, and assessments stored as JSON documents.

The assessment document is the source of truth; its date, clinician, status and
schema version are copied into indexed columns so lists and filters need no JSON.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clinic_app.storage.columns import UtcDateTime, search_key_type

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PatientRow(Base):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_name: Mapped[str] = mapped_column(String(200))
    given_names: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date] = mapped_column(Date, index=True)
    sex: Mapped[str] = mapped_column(String(20))
    identifier: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500))
    family_key: Mapped[str] = mapped_column(search_key_type())
    given_key: Mapped[str] = mapped_column(search_key_type())
    identifier_key: Mapped[str | None] = mapped_column(search_key_type(), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (Index(None, "family_key", "given_key", "id"),)


class PatientSearchTermRow(Base):
    """One word of a patient's names or identifier, normalised, for prefix search.

    The patient's sort keys are copied here so that "the first 200 patients, by
    name, with a word starting with x" is read from this table's primary key
    alone (a range scan plus a bounded sort), never from the patients table.
    """

    __tablename__ = "patient_search_terms"

    term: Mapped[str] = mapped_column(search_key_type(), primary_key=True)
    family_key: Mapped[str] = mapped_column(search_key_type(), primary_key=True)
    given_key: Mapped[str] = mapped_column(search_key_type(), primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True
    )

    # For "does this patient have a word starting with y", and the cascade on delete.
    __table_args__ = (
        Index(None, "patient_id", "term"),
        {"sqlite_with_rowid": False},
    )


class AssessmentRow(Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"))
    assessment_date: Mapped[date] = mapped_column(Date)
    clinician: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), index=True)
    schema_version: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (Index(None, "patient_id", "assessment_date"),)
