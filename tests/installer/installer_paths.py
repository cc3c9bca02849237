"""Where the installer files are, for the installer tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"
ICONS = REPO / "resources" / "icons"
