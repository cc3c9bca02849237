"""Where the data files in ``resources/`` are: a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import re
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


def demo_case_paths(folder: Path | None = None) -> list[Path]:
    """The bundled ``case<N>.json`` practice cases in numeric order (case2 before case10)."""
    folder = folder if folder is not None else resource("demo")
    return sorted(folder.glob("case*.json"), key=_case_number)


def _case_number(path: Path) -> tuple[int, str]:
    match = re.search(r"(\d+)", path.stem)
    return (int(match.group(1)) if match else 0, path.name)


def practice_case_paths(folder: Path | None = None) -> list[Path]:
    """The bundled practice cases (``resources/practice/*.json``), by file name."""
    folder = folder if folder is not None else resource("practice")
    return sorted(folder.glob("*.json"))
