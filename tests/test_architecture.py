"""The layering of architecture.md, checked mechanically: import-linter contracts and ruff."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = Path(sys.executable).parent


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on ``project`` (a folder with pyproject.toml and clinic_app/)."""
    command = shutil.which("lint-imports", path=str(SCRIPTS)) or shutil.which("lint-imports")
    assert command, "import-linter is not installed (pip install -e '.[dev]')"
    environment = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [command, "--no-cache", "--config", str(project / "pyproject.toml")],
        cwd=project, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )


def test_import_contracts_are_kept() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "forbidden_import", "contract"),
    [
        ("domain/patient.py", "import sqlalchemy", "The domain is pure"),
        ("domain/kujala.py", "import clinic_app.services.patients", "The domain is pure"),
        ("services/patients.py", "import PySide6.QtCore", "Services know no Qt and no SQL"),
        ("ui/__init__.py", "import clinic_app.storage.database", "The UI never touches storage"),
        ("storage/__init__.py", "import PySide6", "Storage and reports are adapters"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, forbidden_import: str, contract: str
) -> None:
    """The contracts really bite: a copy of the package with one bad import fails the check."""
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(
        REPO / "clinic_app", tmp_path / "clinic_app", ignore=shutil.ignore_patterns("__pycache__")
    )
    for package in ("domain", "services", "storage", "reports", "ui"):
        (tmp_path / "clinic_app" / package).mkdir(exist_ok=True)
        (tmp_path / "clinic_app" / package / "__init__.py").touch()
    target = tmp_path / "clinic_app" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{forbidden_import}\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout
    assert "BROKEN" in result.stdout


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "clinic_app", "tests"],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
