"""One database transaction per use case; anything not committed is rolled back."""

from __future__ import annotations

from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from clinic_app.storage.assessment_repository import SqlAlchemyAssessmentRepository
from clinic_app.storage.patient_repository import SqlAlchemyPatientRepository


class SqlAlchemyUnitOfWork:
    patients: SqlAlchemyPatientRepository
    assessments: SqlAlchemyAssessmentRepository

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None

    def __enter__(self) -> Self:
        self._session = self._session_factory()
        self.patients = SqlAlchemyPatientRepository(self._session)
        self.assessments = SqlAlchemyAssessmentRepository(self._session)
        return self

    def __exit__(self, *exc: object) -> None:
        session = self._active()
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None

    def commit(self) -> None:
        self._active().commit()

    def _active(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work in a with block")
        return self._session
