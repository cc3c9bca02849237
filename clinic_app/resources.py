"""Where the data files in ``resources/`` are: a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder bundle
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    installed = Path(sys.prefix) / "share" / "clinic-app" / "resources"
    return installed


def resource(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
