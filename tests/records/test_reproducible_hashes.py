"""The canonical content of a signed note is the same bytes in every process: sets are
written sorted, whatever ``PYTHONHASHSEED`` or the order their members were added in."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.app import Services, build_services
from clinic_app.domain.assessment import Assessment
from clinic_app.domain.history import ActivityType, AggravatingActivity, PainRegion
from clinic_app.domain.records.canonical import signed_content
from clinic_app.storage.database import Database
from tests.records.helpers import a_patient

SEEDS = ("0", "1", "2", "3", "42", "4242", "random")
SIGNED_AT = datetime(2024, 5, 6, 9, 30, 0, 123456, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]

Case = tuple[list[str], list[str], list[str]]


def canonical_digest(regions: list[str], aggravating: list[str], activities: list[str]) -> str:
    """The note's canonical content hash, the members given in this order."""
    assessment = Assessment.model_validate({
        "assessment_date": date(2024, 5, 6), "clinician": "A. Physio",
        "history": {
            "complaint": {"pain_regions": regions, "aggravating_activities": aggravating},
            "activity": {"activity_types": activities},
        },
    })
    content = signed_content(assessment, 7, a_patient(), "cleo", SIGNED_AT)
    return hashlib.sha256(content).hexdigest()


def members(choices: type) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from([choice.value for choice in choices]), unique=True)


cases = st.tuples(members(PainRegion), members(AggravatingActivity), members(ActivityType))


@settings(max_examples=200, deadline=None)
@given(case=cases, shuffle_seed=st.integers(0, 2**32 - 1))
def test_the_order_members_were_added_in_never_changes_the_bytes(
    case: Case, shuffle_seed: int
) -> None:
    shuffled = tuple(random.Random(shuffle_seed).sample(part, len(part)) for part in case)
    assert canonical_digest(*case) == canonical_digest(*shuffled)


def random_case(chooser: random.Random) -> Case:
    def subset(choices: type) -> list[str]:
        values = [choice.value for choice in choices]
        return chooser.sample(values, chooser.randint(0, len(values)))

    return subset(PainRegion), subset(AggravatingActivity), subset(ActivityType)


def test_generated_documents_hash_the_same_in_fresh_processes() -> None:
    chooser = random.Random(2024)
    generated = [random_case(chooser) for _ in range(60)]
    here = [canonical_digest(*case) for case in generated]
    for seed in SEEDS[:5]:
        result = subprocess.run(
            [sys.executable, "-m", "tests.records.canonical_worker"],
            input=json.dumps(generated), capture_output=True, text=True, timeout=120,
            cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == here, f"PYTHONHASHSEED={seed}"


def sign_the_demo_cases(services: Services) -> int:
    services.demo.load_demo_patients()
    drafts = services.assessments.drafts_of(None)
    for draft in drafts:
        services.signing.sign(draft.id, None)
    return len(drafts)


def test_demo_cases_signed_in_one_process_verify_in_fresh_processes(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'demo.sqlite3'}"
    database = Database.open(url)
    try:
        signed = sign_the_demo_cases(build_services(database))
    finally:
        database.close()
    assert signed >= 5
    for seed in SEEDS:
        result = subprocess.run(
            [sys.executable, "-m", "clinic_app", "--database", url, "audit", "verify"],
            capture_output=True, text=True, timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, f"PYTHONHASHSEED={seed}: {result.stderr}"
        assert f"{signed} signed notes" in result.stdout
