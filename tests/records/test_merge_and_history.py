"""Two workstations editing one draft: merged finding by finding against their common base;
every version kept in the history, which names who saved it and what changed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from clinic_app.app import Services
from clinic_app.domain.document_merge import Preference
from clinic_app.domain.fields import get_value, with_value
from clinic_app.domain.records.audit import AuditAction, EntityType
from clinic_app.domain.version_history import CREATED, DISCARDED_IN_MERGE, SAVED
from clinic_app.services.assessments import AssessmentService
from clinic_app.services.ports import StaleWriteError
from clinic_app.storage.database import Database
from tests.records.helpers import started_draft
from tests.records.test_workstations import two_workstations  # noqa: F401 - a fixture

HEIGHT = ("history", "body", "height_cm")
MASS = ("history", "body", "body_mass_kg")
USUAL_PAIN = ("outcomes", "pain", "usual")


def test_different_findings_merge_without_asking_and_nothing_is_lost(
    two_workstations: tuple[Services, Services],  # noqa: F811
) -> None:
    desk, ward = two_workstations
    draft = started_draft(desk)
    base = ward.assessments.load(draft.id)
    desk.assessments.save_draft(draft.id, with_value(draft.assessment, HEIGHT, 171.0),
                                draft.version)
    mine = with_value(base.assessment, MASS, 64.0)
    with pytest.raises(StaleWriteError):
        ward.assessments.save_draft(draft.id, mine, base.version)

    outcome = ward.conflicts.merge(draft.id, base.assessment, mine)

    assert outcome.record is not None and outcome.merge.clean
    stored = desk.assessments.load(draft.id)
    assert stored.version == outcome.record.version == base.version + 2
    assert get_value(stored.assessment, HEIGHT) == 171.0
    assert get_value(stored.assessment, MASS) == 64.0
    assert outcome.merge.titles(outcome.merge.theirs_changed) == ["History › Body › Height"]
    actions = [e.action for e in desk.audit.entries_for(EntityType.ASSESSMENT, draft.id)]
    assert AuditAction.MERGED.value in actions
    assert desk.audit.verify().intact


def test_the_same_finding_changed_on_both_sides_is_all_the_dialog_lists(
    two_workstations: tuple[Services, Services],  # noqa: F811
) -> None:
    desk, ward = two_workstations
    draft = started_draft(desk)
    base = ward.assessments.load(draft.id)
    theirs = with_value(with_value(draft.assessment, HEIGHT, 171.0), USUAL_PAIN, 3)
    desk.assessments.save_draft(draft.id, theirs, draft.version)
    mine = with_value(with_value(base.assessment, MASS, 64.0), USUAL_PAIN, 5)

    waiting = ward.conflicts.merge(draft.id, base.assessment, mine)
    assert waiting.record is None  # nothing saved until a person decides
    assert [c.path for c in waiting.merge.conflicts] == [USUAL_PAIN]
    assert desk.assessments.load(draft.id).version == base.version + 1

    settled = ward.conflicts.merge(draft.id, base.assessment, mine, prefer=Preference.MINE)
    assert settled.record is not None
    stored = desk.assessments.load(draft.id).assessment
    assert (get_value(stored, USUAL_PAIN), get_value(stored, HEIGHT), get_value(stored, MASS)) \
        == (5, 171.0, 64.0)
    [not_chosen] = [v for v in desk.conflicts.kept_versions(draft.id)
                    if v.reason == DISCARDED_IN_MERGE]
    assert get_value(not_chosen.assessment, USUAL_PAIN) == 3  # theirs, kept in the history


def test_the_history_keeps_a_version_per_person_and_burst_and_names_the_changes(
    database: Database, services: Services,
) -> None:
    clock = [datetime.now(UTC)]
    editing = AssessmentService(database.unit_of_work, now=lambda: clock[0])
    draft = started_draft(services)
    record = draft
    for minute, value in ((1, 160.0), (2, 161.0), (3, 162.0)):  # one burst of autosaves
        clock[0] += timedelta(minutes=minute)
        record = editing.save_draft(draft.id, with_value(record.assessment, HEIGHT, value),
                                    record.version)
    clock[0] += timedelta(minutes=30)  # later that morning
    record = editing.save_draft(draft.id, with_value(record.assessment, MASS, 70.0),
                                record.version)

    burst, later = services.versions.versions(draft.id)  # the first burst began the draft
    assert (burst.reason, later.reason) == (CREATED, SAVED)
    assert get_value(burst.assessment, HEIGHT) == 162.0
    assert [c.title for c in later.changes] == ["History › Body › Body mass"]
    assert later.version == record.version

    services.versions.record_restored_finding(draft.id, burst.version)
    actions = [e.action for e in services.audit.entries_for(EntityType.ASSESSMENT, draft.id)]
    assert AuditAction.FINDING_RESTORED.value in actions
