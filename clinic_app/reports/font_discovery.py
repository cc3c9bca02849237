"""Where the fallback fonts are on this computer: a few known paths, then fontconfig.

The fallback fonts are several megabytes each, so they are not bundled: Debian's
fonts-droid-fallback (Chinese, Japanese, Korean) and fonts-symbola (symbols, emoji in
black and white), or what Windows and macOS ship. Where none of the known paths exists,
fontconfig (``fc-list``, on Linux) is asked once per process for fonts of that kind.
A file ReportLab cannot read (a CFF-outline OpenType font) is skipped by the caller.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONTCONFIG_TIMEOUT = 5  # seconds; a font cache being rebuilt must not hang an export
FONTCONFIG_CANDIDATES = 5  # files tried from fontconfig's answer, at most


@dataclass(frozen=True)
class FallbackFont:
    """A kind of fallback font: the name it is registered under, known files, and the
    fontconfig pattern that finds others of its kind."""

    name: str
    known_paths: tuple[str, ...]
    fontconfig_pattern: str


FALLBACK_FONTS = (
    FallbackFont(
        "FallbackCJK",
        (
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
            "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
            "C:/Windows/Fonts/msyh.ttc",
            "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
        ),
        ":lang=zh:outline=true",
    ),
    FallbackFont(
        "FallbackSymbols",
        (
            "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
            "/usr/share/fonts/gdouros-symbola/Symbola.ttf",
            "C:/Windows/Fonts/seguisym.ttf",
            "/System/Library/Fonts/Apple Symbols.ttf",
        ),
        ":family=Symbola:outline=true",
    ),
)


def candidate_files(font: FallbackFont) -> Iterator[Path]:
    """Files that may hold ``font``, best first: the known paths that exist, then (only
    when there are none) what fontconfig lists for its pattern."""
    known = [Path(path) for path in font.known_paths if Path(path).is_file()]
    yield from known
    if not known:
        yield from (Path(path) for path in _fontconfig_files(font.fontconfig_pattern))


@cache
def _fontconfig_files(pattern: str) -> tuple[str, ...]:
    try:
        listed = subprocess.run(
            ["fc-list", "--format", "%{file}\n", pattern],
            capture_output=True, text=True, timeout=FONTCONFIG_TIMEOUT, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):  # no fontconfig (Windows, macOS)
        return ()
    files = sorted(line for line in listed.splitlines() if line.lower().endswith((".ttf", ".ttc")))
    return tuple(files[:FONTCONFIG_CANDIDATES])
