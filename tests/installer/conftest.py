"""Paths and project facts shared by the installer tests (no bundle is built here)."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from tests.installer.installer_paths import REPO


@pytest.fixture(scope="session")
def project() -> dict[str, Any]:
    with (REPO / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]
