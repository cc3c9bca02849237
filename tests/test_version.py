import tomllib
from pathlib import Path

import clinic_app


def test_package_version_matches_the_project_metadata() -> None:
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert clinic_app.__version__ == pyproject["project"]["version"]
