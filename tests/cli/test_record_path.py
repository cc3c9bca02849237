"""The record path from the command line, each step in its own process, as a script runs it:
import the demo cases, sign them, verify in fresh processes under other hash seeds,
export a signed note and read the PDFs back."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from clinic_app import resources
from clinic_app.app import build_services
from clinic_app.storage.database import Database
from tests.records.helpers import PASSWORD, clinic_users

pytestmark = pytest.mark.slow

ADDENDUM = "Telephone review: swelling settled, plan unchanged."


class Cli:
    """``clinic-app`` in a fresh interpreter on a private data folder."""

    def __init__(self, data: Path) -> None:
        self.data = data

    def __call__(
        self, *args: str, seed: int = 0, stdin: str = ""
    ) -> subprocess.CompletedProcess[str]:
        environment = {
            **os.environ, "CLINIC_APP_DATA_DIR": str(self.data), "PYTHONHASHSEED": str(seed),
        }
        environment.pop("CLINIC_APP_DATABASE_URL", None)
        return subprocess.run(
            [sys.executable, "-m", "clinic_app", *args], input=stdin, capture_output=True,
            text=True, env=environment, timeout=120, check=False,
        )

    @property
    def database_url(self) -> str:
        return f"sqlite+pysqlite:///{self.data / 'clinic.sqlite3'}"


@pytest.fixture
def cli() -> Cli:
    """On this test's private data folder, where the database's audit key lives too."""
    return Cli(Path(os.environ["CLINIC_APP_DATA_DIR"]))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def imported_ids(cli: Cli) -> list[int]:
    cases = sorted(str(path) for path in resources.resource("demo").glob("case*.json"))
    result = cli("import", *cases)
    assert result.returncode == 0, result.stderr
    return [int(id_) for id_ in re.findall(r"assessment (\d+) stored as a draft", result.stdout)]


def test_import_sign_verify_in_fresh_processes_and_export_signed(cli: Cli, tmp_path: Path):
    ids = imported_ids(cli)
    assert len(ids) == 5
    for number, assessment_id in enumerate(ids, start=1):
        signed = cli("sign", "--assessment", str(assessment_id), seed=number)
        assert signed.returncode == 0, signed.stderr
        assert "computer login" in signed.stdout  # no clinician named: never "Local user"
    database = Database.open(cli.database_url)
    try:
        build_services(database).signing.add_addendum(ids[0], ADDENDUM, None)
    finally:
        database.close()

    alarms = [seed for seed in range(1, 11) if cli("audit", "verify", seed=seed).returncode]
    assert alarms == []

    soap, plan = tmp_path / "note.pdf", tmp_path / "plan.pdf"
    exported = cli("export", "--assessment", str(ids[0]), "--soap", str(soap), "--plan", str(plan),
                   seed=77)
    assert exported.returncode == 0, exported.stderr
    note = pdf_text(soap)
    hash_line = cli("sign", "--assessment", str(ids[0])).stderr  # already signed: refused
    assert "signed" in hash_line
    flat = "".join(note.split())
    assert re.search(r"ContentSHA-256:[0-9a-f]{64}", flat)
    assert "Signed by" in note and "Local user" not in note
    assert "".join(ADDENDUM.split()) in flat
    assert "DRAFT" not in note and "DRAFT" not in pdf_text(plan)


def test_sign_asks_the_signers_password_once_accounts_exist(cli: Cli) -> None:
    [first, *_] = imported_ids(cli)
    database = Database.open(cli.database_url)
    try:
        clinic_users(build_services(database))
    finally:
        database.close()

    nobody = cli("sign", "--assessment", str(first))
    assert nobody.returncode == 2 and "--as is missing" in nobody.stderr
    wrong = cli("sign", "--assessment", str(first), "--as", "cleo", stdin="a guess\n")
    assert wrong.returncode == 2 and "wrong password" in wrong.stderr
    student = cli("sign", "--assessment", str(first), "--as", "stu", stdin=f"{PASSWORD}\n")
    assert student.returncode == 0 and "co-signature" in student.stdout
    supervisor = cli("sign", "--assessment", str(first), "--as", "sam", stdin=f"{PASSWORD}\n")
    assert supervisor.returncode == 0, supervisor.stderr
    assert "signed by" in supervisor.stdout and "Local user" not in supervisor.stdout


def test_import_checks_every_file_before_storing_any(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "clinic-app-case"}', encoding="utf-8")
    case = str(resources.resource("demo", "case1.json"))
    refused = cli("import", case, str(broken))
    assert refused.returncode == 2 and "nothing was stored" in refused.stderr
    again = cli("import", case)
    assert "new patient 1;" in again.stdout
    matched = cli("import", case)
    assert "matched the stored patient 1;" in matched.stdout


def test_the_witness_printed_on_a_signed_note_is_checked_by_verify(cli: Cli) -> None:
    [first, *_] = imported_ids(cli)
    assert cli("sign", "--assessment", str(first)).returncode == 0
    text = cli("export", "--assessment", str(first), "--text", "-", seed=3).stdout
    [witness] = re.findall(r"Audit trail witness: (\d+:[0-9a-f]{64})", text)
    assert cli("audit", "verify", "--witness", witness, seed=4).returncode == 0

    sequence, digest = witness.split(":")
    rewritten = cli("audit", "verify", "--witness", f"{sequence}:{'0' * 64}", seed=5)
    assert rewritten.returncode == 1
    assert f"entry {sequence} differs from a printed document" in rewritten.stderr
    rewound = cli("audit", "verify", "--witness", f"{int(sequence) + 500}:{digest}", seed=6)
    assert rewound.returncode == 1 and "the log was rewound" in rewound.stderr
    malformed = cli("audit", "verify", "--witness", "twelve")
    assert malformed.returncode == 2 and "expected SEQUENCE:HASH" in malformed.stderr
