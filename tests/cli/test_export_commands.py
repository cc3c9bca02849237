"""``export`` and ``demo``: private files, checked options, and exports of stored records
that are permitted before anything is built and audited only once written."""

from __future__ import annotations

import io
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from clinic_app import resources
from clinic_app.app import build_services
from clinic_app.cli import main
from clinic_app.domain.records.audit import EntityType
from clinic_app.domain.records.roles import Role
from clinic_app.storage.database import Database
from tests.records.helpers import PASSWORD, clinic_users, started_draft

CASE = resources.resource("demo", "case1.json")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The common 022 umask, under which plain writes come out world-readable."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def stored(tmp_path: Path) -> tuple[str, int]:
    """A SQLite database shared by several users, holding a clinician's draft."""
    url = f"sqlite+pysqlite:///{tmp_path / 'clinic.sqlite3'}"
    database = Database.open(url)
    try:
        services = build_services(database)
        users = clinic_users(services)
        draft = started_draft(services, users[Role.CLINICIAN])
    finally:
        database.close()
    return url, draft.id


def exports_logged(url: str, assessment_id: int) -> list[tuple[str, str]]:
    database = Database.open(url)
    try:
        entries = build_services(database).audit.entries_for(EntityType.ASSESSMENT, assessment_id)
    finally:
        database.close()
    return [(entry.username, entry.action) for entry in entries if entry.action == "exported"]


def test_exported_documents_are_private(tmp_path: Path) -> None:
    soap, text = tmp_path / "new" / "deeper" / "note.pdf", tmp_path / "note.txt"
    text.write_text("an older export")
    text.chmod(0o644)
    assert main(["export", "--case", str(CASE), "--soap", str(soap), "--text", str(text)]) == 0
    assert mode(soap) == 0o600 and mode(text) == 0o600
    assert mode(soap.parent) == 0o700 and mode(soap.parent.parent) == 0o700
    assert soap.read_bytes().startswith(b"%PDF")


def test_demo_writes_private_files_in_the_demo_cases_numeric_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    for number in (10, 2):
        shutil.copy(CASE, cases / f"case{number}.json")
    real_resource = resources.resource
    monkeypatch.setattr(
        resources, "resource",
        lambda *parts: cases if parts == ("demo",) else real_resource(*parts),
    )
    out = tmp_path / "out"
    assert main(["demo", "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"wrote {out / name}" for name in (
            "case2-soap.pdf", "case2-plan.pdf", "case10-soap.pdf", "case10-plan.pdf",
        )
    ]
    assert mode(out) == 0o700
    assert {mode(path) for path in out.iterdir()} == {0o600}


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        ("missing.png", "does not exist; expected a PNG or JPEG image file"),
        ("notanimage.json", "is not a readable image; expected a PNG or JPEG image file"),
        ("logo.gif", "is a GIF image; expected a PNG or JPEG image file"),
        (".", "is a folder; expected a PNG or JPEG image file"),
    ],
)
@pytest.mark.parametrize("command", ["export", "demo"])
def test_a_logo_that_cannot_be_used_is_one_line(
    command: str, logo: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notanimage.json").write_text("{}")
    Image.new("RGB", (8, 8)).save("logo.gif")
    outputs = (
        ["--case", str(CASE), "--soap", "note.pdf"] if command == "export" else ["--out", "docs"]
    )
    assert main([command, *outputs, "--logo", logo]) == 2
    assert capsys.readouterr().err == f"{command}: --logo {logo!r} {message}\n"
    assert not Path("note.pdf").exists() and not Path("docs").exists()


def test_a_png_logo_is_accepted(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 30), "navy").save(logo)
    note = tmp_path / "note.pdf"
    assert main(["export", "--case", str(CASE), "--soap", str(note), "--logo", str(logo)]) == 0
    assert note.is_file()


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("afile", "--out 'afile' is a file; expected a folder path (created if missing)"),
        ("afile/sub", "--out 'afile/sub': cannot create the folder (Not a directory); "
         "expected a folder path (created if missing)"),
    ],
)
def test_demo_output_folder_problems_are_one_line(
    out: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("afile").write_text("")
    assert main(["demo", "--out", out]) == 2
    assert capsys.readouterr().err == f"demo: {message}\n"


def test_export_output_problems_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--case", str(CASE), "--plan", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"export: --plan {str(tmp_path)!r} is a folder; " \
        "expected a file name\n"
    assert main(["export", "--case", str(CASE), "--soap", "/proc/note.pdf"]) == 2
    assert capsys.readouterr().err == (
        "export: --soap '/proc/note.pdf': cannot write it (No such file or directory); "
        "expected a file path in a folder you can write to\n"
    )


def test_a_stored_assessment_needs_a_user_when_several_share_the_database(
    stored: tuple[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, assessment_id = stored
    note = tmp_path / "note.pdf"

    def no_documents_before_the_check(*args: object, **kwargs: object) -> None:
        raise AssertionError("documents were built before the permission check")

    monkeypatch.setattr("clinic_app.reports.exports.export_documents",
                        no_documents_before_the_check)
    arguments = ["--database", url, "export", "--assessment", str(assessment_id),
                 "--soap", str(note)]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(arguments) == 2
    assert capsys.readouterr().err == (
        "export: --as is missing: several users share this database; give --as USERNAME "
        "(their password is asked for)\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("not the password\n"))
    assert main([*arguments, "--as", "cleo"]) == 2
    assert capsys.readouterr().err == (
        "export: --as 'cleo': unknown username or wrong password\n"
    )
    assert not note.exists() and exports_logged(url, assessment_id) == []


def test_a_stored_assessment_is_exported_then_audited(
    stored: tuple[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, assessment_id = stored
    note, plan = tmp_path / "note.pdf", tmp_path / "plan.pdf"
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert main(["--database", url, "export", "--assessment", str(assessment_id),
                 "--soap", str(note), "--plan", str(plan), "--as", "cleo"]) == 0
    assert mode(note) == 0o600 and mode(plan) == 0o600
    assert exports_logged(url, assessment_id) == [("cleo", "exported")]


def test_a_failed_write_is_not_audited(
    stored: tuple[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, assessment_id = stored
    note = tmp_path / "note.pdf"
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert main(["--database", url, "export", "--assessment", str(assessment_id),
                 "--soap", str(note), "--plan", "/proc/plan.pdf", "--as", "cleo"]) == 2
    assert "--plan '/proc/plan.pdf': cannot write it" in capsys.readouterr().err
    assert not note.exists()  # written first, removed: no export without its audit entry
    assert exports_logged(url, assessment_id) == []


def test_an_unknown_assessment_is_named(
    stored: tuple[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, _ = stored
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert main(["--database", url, "export", "--assessment", "99",
                 "--soap", str(tmp_path / "n.pdf"), "--as", "cleo"]) == 2
    assert capsys.readouterr().err == (
        "export: --assessment 99: no assessment with id 99; expected the id of a stored "
        "assessment\n"
    )
