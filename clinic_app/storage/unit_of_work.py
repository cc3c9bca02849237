"""One database transaction per use case; anything not committed is rolled back."""

from __future__ import annotations

import logging
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from clinic_app.domain.records.audit import ChainHead
from clinic_app.storage.addendum_repository import SqlAlchemyAddendumRepository
from clinic_app.storage.assessment_repository import SqlAlchemyAssessmentRepository
from clinic_app.storage.audit_log import AuditKeyContext, SqlAlchemyAuditLog
from clinic_app.storage.change_feed import SqlAlchemyChangeFeed
from clinic_app.storage.installation_profile import SqlAlchemyInstallationProfile
from clinic_app.storage.login_failure_log import SqlAlchemyLoginFailureLog
from clinic_app.storage.patient_repository import SqlAlchemyPatientRepository
from clinic_app.storage.user_repository import SqlAlchemyUserRepository
from clinic_app.storage.visit_repository import SqlAlchemyVisitRepository


class SqlAlchemyUnitOfWork:
    patients: SqlAlchemyPatientRepository
    assessments: SqlAlchemyAssessmentRepository
    users: SqlAlchemyUserRepository
    profile: SqlAlchemyInstallationProfile
    login_failures: SqlAlchemyLoginFailureLog
    addenda: SqlAlchemyAddendumRepository
    audit: SqlAlchemyAuditLog
    changes: SqlAlchemyChangeFeed
    visits: SqlAlchemyVisitRepository

    def __init__(self, session_factory: sessionmaker[Session], keys: AuditKeyContext) -> None:
        self._session_factory = session_factory
        self._keys = keys
        self._session: Session | None = None

    def __enter__(self) -> Self:
        self._session = self._session_factory()
        self.patients = SqlAlchemyPatientRepository(self._session)
        self.assessments = SqlAlchemyAssessmentRepository(self._session)
        self.users = SqlAlchemyUserRepository(self._session)
        self.profile = SqlAlchemyInstallationProfile(self._session)
        self.login_failures = SqlAlchemyLoginFailureLog(self._session)
        self.addenda = SqlAlchemyAddendumRepository(self._session)
        self.audit = SqlAlchemyAuditLog(self._session, self._keys)
        self.changes = SqlAlchemyChangeFeed(self._session)
        self.visits = SqlAlchemyVisitRepository(self._session)
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
        appended, self.audit.appended = self.audit.appended, None
        if appended is not None:
            write_witness(self._keys, appended)

    def _active(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work in a with block")
        return self._session


_log = logging.getLogger(__name__)


def write_witness(keys: AuditKeyContext, head: ChainHead) -> None:
    """After a committed append: the witness outside the database. The entry is committed
    either way, so a failure to write is logged (it only weakens the rewind check)."""
    if keys.key_file is None or keys.chain_id is None:
        return
    try:
        keys.key_file.write_witness(keys.chain_id, head)
    except OSError as error:
        _log.warning("could not write the audit chain witness: %s", error.strerror)
