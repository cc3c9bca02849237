"""ORM rows: the patient, the words it is found by, and assessments stored as JSON documents.

The assessment document is the source of truth; its date, clinician, status and
schema version are copied into indexed columns so lists and filters need no JSON.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
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
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)

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
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    created_by: Mapped[str | None] = mapped_column(String(40), index=True)
    # Signature (migration 0002): once status is "signed", triggers refuse any change.
    signed_by: Mapped[str | None] = mapped_column(String(40))
    signer_name: Mapped[str | None] = mapped_column(String(270))
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    content_hash: Mapped[str | None] = mapped_column(String(64))
    submitted_by: Mapped[str | None] = mapped_column(String(40))
    submitter_name: Mapped[str | None] = mapped_column(String(270))
    # Migration 0005: the patient at signing (JSON), part of the signed content.
    signed_patient: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "patient_id", "assessment_date"),)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40))
    display_name: Mapped[str] = mapped_column(String(200))
    registration_number: Mapped[str | None] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (UniqueConstraint("username"),)


class LocalClinicianRow(Base):
    """The one clinician of an installation without user accounts (a single row)."""

    __tablename__ = "local_clinician"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    registration_number: Mapped[str | None] = mapped_column(String(60))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class LoginFailureRow(Base):
    """Failed logins in a row per typed username (migration 0006); removed on success."""

    __tablename__ = "login_failures"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failure_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AddendumRow(Base):
    """Append-only (database triggers refuse UPDATE and DELETE)."""

    __tablename__ = "addenda"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="RESTRICT"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(40))
    author_name: Mapped[str] = mapped_column(String(270))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AssessmentVersionRow(Base):
    """A document replaced in a conflict ("keep mine" or "take theirs"), kept so nothing is lost."""

    __tablename__ = "assessment_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(40))
    kept_by: Mapped[str] = mapped_column(String(40))
    kept_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AuditEntryRow(Base):
    """Append-only (database triggers); ``sequence`` is assigned under the chain-head lock."""

    __tablename__ = "audit_log"

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime())
    username: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    previous_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    # Migration 0003: what a whole-database event (a restore) concerned; null otherwise.
    detail: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "entity_type", "entity_id"),)


class AuditChainHeadRow(Base):
    """One row: the newest entry's sequence and hash. Locked (FOR UPDATE) by every append."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sequence: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    # Migration 0005: keyed seal over (sequence, last_hash); null before the first keyed entry.
    seal: Mapped[str | None] = mapped_column(String(64))


class AuditKeyRow(Base):
    """One row (migration 0005): the chain's id, the first keyed entry, the key's
    fingerprint and a keyed seal over them. Triggers refuse changes once the key is set."""

    __tablename__ = "audit_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    chain_id: Mapped[str] = mapped_column(String(32))
    keyed_from: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    seal: Mapped[str | None] = mapped_column(String(64))


class VisitRow(Base):
    """Migration 0009: an assessment's place in the episode of care (initial, follow-up or
    discharge) and its follow-up date, kept beside the assessment so a signed note stays
    untouched and the "due for follow-up" list needs no JSON."""

    __tablename__ = "visits"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    visit_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    follow_up_date: Mapped[date | None] = mapped_column(Date, index=True)

    __table_args__ = (Index(None, "patient_id", "visit_date"),)


class PatientSearchPrefixRow(Base):
    """Each one-, two- and three-letter start of a search word, in name order per prefix:
    "the first patients with a word starting with m" reads the first rows of "m", where
    ``patient_search_terms`` would sort every word starting with m."""

    __tablename__ = "patient_search_prefixes"

    prefix: Mapped[str] = mapped_column(search_key_type(), primary_key=True)
    family_key: Mapped[str] = mapped_column(search_key_type(), primary_key=True)
    given_key: Mapped[str] = mapped_column(search_key_type(), primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    __table_args__ = ({"sqlite_with_rowid": False},)

