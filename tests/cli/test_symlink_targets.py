"""Files the app writes never follow a symbolic link: exports, backups (and settings)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app import resources
from clinic_app.private_files import SymbolicLinkError, write_private_file
from clinic_app.storage.database import Database

CASE = resources.resource("demo", "case1.json")
REPO_ROOT = Path(__file__).resolve().parents[2]


def clinic_app(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clinic_app", *args], cwd=REPO_ROOT,
        env={**os.environ, "CLINIC_APP_DATA_DIR": str(data)},
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False,
    )


def test_a_planted_link_is_refused_and_its_target_unchanged(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "export.pdf"
    link.symlink_to(victim)
    with pytest.raises(SymbolicLinkError) as refused:
        write_private_file(link, b"%PDF")
    assert refused.value.strerror == f"{link} is a symbolic link; choose a regular file path"
    assert victim.read_text() == "precious" and link.is_symlink()


def test_a_dangling_link_creates_no_file_elsewhere(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "planted.pdf"
    elsewhere.parent.mkdir()
    exports = tmp_path / "exports"
    exports.mkdir()
    link = exports / "export.pdf"
    link.symlink_to(elsewhere)
    with pytest.raises(SymbolicLinkError):
        write_private_file(link, b"%PDF")
    assert not elsewhere.exists() and list(exports.iterdir()) == [link]


def test_a_regular_file_is_replaced_owner_only_and_nothing_else_is_left(tmp_path: Path) -> None:
    target = tmp_path / "exports" / "note.txt"
    target.parent.mkdir()
    target.write_text("old")
    target.chmod(0o644)
    write_private_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert list(target.parent.iterdir()) == [target]  # no partial file left behind


@pytest.mark.parametrize("dangling", [False, True])
def test_export_to_a_link_exits_2_with_one_line(tmp_path: Path, dangling: bool) -> None:
    victim = tmp_path / "victim.pdf"
    if not dangling:
        victim.write_bytes(b"precious")
    link = tmp_path / "soap.pdf"
    link.symlink_to(victim)
    result = clinic_app("export", "--case", str(CASE), "--soap", str(link), data=tmp_path / "d")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert f"{link} is a symbolic link; choose a regular file path" in result.stderr
    assert victim.read_bytes() == b"precious" if not dangling else not victim.exists()


def test_backup_to_a_link_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Database.open(f"sqlite+pysqlite:///{data / 'clinic.sqlite3'}").close()
    victim = tmp_path / "victim"
    victim.write_text("precious")
    link = tmp_path / "backup.sqlite3"
    link.symlink_to(victim)
    result = clinic_app("backup", "--to", str(link), data=data)
    assert result.returncode == 2
    assert result.stderr == (
        f"backup: --to: {link} is a symbolic link; choose a regular file path\n"
    )
    assert victim.read_text() == "precious"
