"""The PyInstaller spec bundles every resource folder and the migrations, and no Qt module
the app imports is excluded. The spec's literal settings are read with ast, not executed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.installer.installer_paths import INSTALLER, REPO

SPEC = INSTALLER / "clinic-app.spec"


def spec_literals() -> dict[str, object]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    literals: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id.isupper():
                try:
                    literals[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    continue  # computed at build time, e.g. from the environment
    return literals


@pytest.fixture(scope="module")
def literals() -> dict[str, object]:
    return spec_literals()


def test_the_spec_is_valid_python() -> None:
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


def test_every_resources_folder_is_bundled_and_every_bundled_folder_exists(
    literals: dict[str, object],
) -> None:
    on_disk = {
        path.name
        for path in (REPO / "resources").iterdir()
        if path.is_dir() and not path.name.startswith((".", "__"))
    }
    listed = set(literals["RESOURCE_FOLDERS"])  # type: ignore[arg-type]
    left_out = set(literals["LEFT_OUT_FOLDERS"])  # type: ignore[arg-type]
    assert listed & left_out == set(), "a folder cannot be both bundled and left out"
    assert on_disk - listed - left_out == set(), "resources/ folders nobody decided about"
    assert (listed | left_out) - on_disk == set(), "the spec names folders that do not exist"


def test_the_migrations_folder_is_bundled_with_env_and_revisions(
    literals: dict[str, object],
) -> None:
    migrations = REPO / str(literals["MIGRATIONS_DIR"])
    assert (migrations / "env.py").is_file()
    assert list((migrations / "versions").glob("*.py")), "no Alembic revision found"
    # It must be where clinic_app/storage finds it at run time inside the bundle.
    assert migrations.parent == REPO / "clinic_app" / "storage"


def test_every_migration_file_has_a_bundled_suffix(literals: dict[str, object]) -> None:
    migrations = REPO / str(literals["MIGRATIONS_DIR"])
    suffixes = set(literals["MIGRATION_SUFFIXES"])  # type: ignore[arg-type]
    left_out = [
        path.relative_to(REPO)
        for path in migrations.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in suffixes
    ]
    assert left_out == []


def qt_modules_imported_by_the_app() -> dict[str, set[Path]]:
    imported: dict[str, set[Path]] = {}
    for path in (REPO / "clinic_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                if name.startswith("PySide6."):
                    module = ".".join(name.split(".")[:2])
                    imported.setdefault(module, set()).add(path.relative_to(REPO))
    return imported


def test_no_excluded_qt_module_is_imported_by_the_app(literals: dict[str, object]) -> None:
    excluded = set(literals["QT_EXCLUDES"])  # type: ignore[arg-type]
    clashes = {
        module: sorted(map(str, paths))
        for module, paths in qt_modules_imported_by_the_app().items()
        if module in excluded
    }
    assert clashes == {}


def test_qt_svg_and_widgets_stay_in_the_bundle(literals: dict[str, object]) -> None:
    excluded = set(literals["QT_EXCLUDES"])  # type: ignore[arg-type]
    kept = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"}
    assert kept & excluded == set()
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore"} <= excluded


def test_the_launcher_runs_the_console_script_entry_point(project: dict[str, object]) -> None:
    scripts = project["scripts"]
    assert scripts == {"clinic-app": "clinic_app.cli:main"}  # type: ignore[comparison-overlap]
    launcher = ast.parse((INSTALLER / "launcher.py").read_text(encoding="utf-8"))
    imports = [node for node in launcher.body if isinstance(node, ast.ImportFrom)]
    assert [(node.module, [a.name for a in node.names]) for node in imports] == [
        ("clinic_app.cli", ["main"])
    ]
