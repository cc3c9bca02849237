"""The triggers that guard signed notes, addenda, the audit log and the audit key record:
which a database must have, which are missing, and re-creating them.

Migrations 0002, 0004 and 0005 created them; their definitions are repeated here as they
stand now, so that ``clinic-app db upgrade`` can put back a trigger someone dropped (or,
on PostgreSQL, disabled) even when the schema is already at head. Each trigger is also
listed with the migration that first creates it, so a backup at an older revision is
expected to have only those made up to there. ``tests/storage/test_guard_triggers.py``
compares the lists with what the migrations really create on SQLite and PostgreSQL.
"""
from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, text

SIGNED = "signed"
_INCOMPLETE_SIGNATURE = (
    f"NEW.status = '{SIGNED}' AND (NEW.signed_by IS NULL OR NEW.signed_at IS NULL "
    "OR NEW.content_hash IS NULL)"
)
_INCOMPLETE_MESSAGE = "a signed assessment needs its signer, time and content hash"

SQLITE_TRIGGERS: dict[str, str] = {
    "assessments_signed_refuse_update": f"""
        CREATE TRIGGER assessments_signed_refuse_update BEFORE UPDATE ON assessments
        WHEN OLD.status = '{SIGNED}'
        BEGIN SELECT RAISE(ABORT, 'assessment is signed: it cannot be changed, add an addendum');
        END""",
    "assessments_signed_refuse_delete": f"""
        CREATE TRIGGER assessments_signed_refuse_delete BEFORE DELETE ON assessments
        WHEN OLD.status = '{SIGNED}'
        BEGIN SELECT RAISE(ABORT, 'assessment is signed: it cannot be deleted'); END""",
    "assessments_signature_complete": f"""
        CREATE TRIGGER assessments_signature_complete BEFORE UPDATE ON assessments
        WHEN {_INCOMPLETE_SIGNATURE}
        BEGIN SELECT RAISE(ABORT, '{_INCOMPLETE_MESSAGE}'); END""",
    "assessments_signed_insert_complete": f"""
        CREATE TRIGGER assessments_signed_insert_complete BEFORE INSERT ON assessments
        WHEN {_INCOMPLETE_SIGNATURE}
        BEGIN SELECT RAISE(ABORT, '{_INCOMPLETE_MESSAGE}'); END""",
    "addenda_refuse_update": """
        CREATE TRIGGER addenda_refuse_update BEFORE UPDATE ON addenda
        BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END""",
    "addenda_refuse_delete": """
        CREATE TRIGGER addenda_refuse_delete BEFORE DELETE ON addenda
        BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END""",
    "audit_log_refuse_update": """
        CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    "audit_log_refuse_delete": """
        CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    # The key record is written once (its fingerprint set on first start), then never again.
    "audit_key_refuse_update": """
        CREATE TRIGGER audit_key_refuse_update BEFORE UPDATE ON audit_key
        WHEN OLD.fingerprint IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'the audit key record cannot be changed'); END""",
    "audit_key_refuse_delete": """
        CREATE TRIGGER audit_key_refuse_delete BEFORE DELETE ON audit_key
        BEGIN SELECT RAISE(ABORT, 'the audit key record cannot be deleted'); END""",
}

POSTGRESQL_FUNCTIONS = (
    f"""
    CREATE OR REPLACE FUNCTION clinic_guard_signed_assessment() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF OLD.status = '{SIGNED}' THEN
            RAISE EXCEPTION 'assessment % is signed: it cannot be changed or deleted', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        IF {_INCOMPLETE_SIGNATURE} THEN
            RAISE EXCEPTION '{_INCOMPLETE_MESSAGE}'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END
    $$""",
    """
    CREATE OR REPLACE FUNCTION clinic_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END
    $$""",
    f"""
    CREATE OR REPLACE FUNCTION clinic_require_signature_on_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF {_INCOMPLETE_SIGNATURE} THEN
            RAISE EXCEPTION '{_INCOMPLETE_MESSAGE}'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END
    $$""",
    """
    CREATE OR REPLACE FUNCTION clinic_guard_audit_key() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND OLD.fingerprint IS NULL THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the audit key record cannot be changed: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END
    $$""",
)

# name -> (table, CREATE TRIGGER statement)
POSTGRESQL_TRIGGERS: dict[str, tuple[str, str]] = {
    "assessments_guard_signed": ("assessments", """
        CREATE TRIGGER assessments_guard_signed BEFORE UPDATE OR DELETE ON assessments
        FOR EACH ROW EXECUTE FUNCTION clinic_guard_signed_assessment()"""),
    "assessments_signed_insert_complete": ("assessments", """
        CREATE TRIGGER assessments_signed_insert_complete BEFORE INSERT ON assessments
        FOR EACH ROW EXECUTE FUNCTION clinic_require_signature_on_insert()"""),
    "addenda_append_only": ("addenda", """
        CREATE TRIGGER addenda_append_only BEFORE UPDATE OR DELETE ON addenda
        FOR EACH ROW EXECUTE FUNCTION clinic_refuse_change()"""),
    "addenda_no_truncate": ("addenda", """
        CREATE TRIGGER addenda_no_truncate BEFORE TRUNCATE ON addenda
        FOR EACH STATEMENT EXECUTE FUNCTION clinic_refuse_change()"""),
    "audit_log_append_only": ("audit_log", """
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION clinic_refuse_change()"""),
    "audit_log_no_truncate": ("audit_log", """
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION clinic_refuse_change()"""),
    "audit_key_guard": ("audit_key", """
        CREATE TRIGGER audit_key_guard BEFORE UPDATE OR DELETE ON audit_key
        FOR EACH ROW EXECUTE FUNCTION clinic_guard_audit_key()"""),
    "audit_key_no_truncate": ("audit_key", """
        CREATE TRIGGER audit_key_no_truncate BEFORE TRUNCATE ON audit_key
        FOR EACH STATEMENT EXECUTE FUNCTION clinic_refuse_change()"""),
}


# The migration that first creates each trigger (the same names on both engines where
# they are the same guard); any trigger not listed comes with 0002.
_INTRODUCED_BY: dict[str, str] = {
    "assessments_signed_insert_complete": "0004_signed_insert_guard",
    "audit_key_refuse_update": "0005_tamper_evidence",
    "audit_key_refuse_delete": "0005_tamper_evidence",
    "audit_key_guard": "0005_tamper_evidence",
    "audit_key_no_truncate": "0005_tamper_evidence",
}
_FIRST = "0002_records"


def expected_guard_triggers(
    dialect: str, applied_revisions: Collection[str] | None = None
) -> frozenset[str]:
    """The guard triggers a ``dialect`` database has with these migrations applied (None:
    all of them, as at head)."""
    names = SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRESQL_TRIGGERS
    return frozenset(
        name for name in names
        if applied_revisions is None or _INTRODUCED_BY.get(name, _FIRST) in applied_revisions
    )


def present_triggers(connection: Connection) -> frozenset[str]:
    """The enabled triggers the database has, by name."""
    return frozenset(_enabled_triggers(connection))


def missing_guard_triggers(connection: Connection) -> list[str]:
    """Guard triggers that do not exist (or, on PostgreSQL, are disabled), by name."""
    present = _enabled_triggers(connection)
    return sorted(expected_guard_triggers(connection.dialect.name) - present)


def restore_guard_triggers(connection: Connection) -> list[str]:
    """Create (or enable) every missing guard trigger; the names restored. Idempotent."""
    missing = missing_guard_triggers(connection)
    if not missing:
        return []
    if connection.dialect.name == "sqlite":
        for name in missing:
            connection.execute(text(SQLITE_TRIGGERS[name]))
        return missing
    for function in POSTGRESQL_FUNCTIONS:
        connection.execute(text(function))
    existing = _pg_triggers(connection)
    for name in missing:
        table, statement = POSTGRESQL_TRIGGERS[name]
        if name in existing:
            connection.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER {name}"))
        else:
            connection.execute(text(statement))
    return missing


def _enabled_triggers(connection: Connection) -> set[str]:
    if connection.dialect.name == "sqlite":
        return set(connection.scalars(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        ))
    return {name for name, enabled in _pg_triggers(connection).items() if enabled}


def _pg_triggers(connection: Connection) -> dict[str, bool]:
    """Our triggers in the current schema -> enabled (``tgenabled`` 'D' is disabled)."""
    rows = connection.execute(text(
        "SELECT t.tgname, t.tgenabled <> 'D' FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
    ))
    return {name: enabled for name, enabled in rows}
