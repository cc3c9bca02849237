"""The letterhead options of ``export`` and ``demo``, checked before any document is made."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.cli.errors import CommandError
from clinic_app.domain.letterhead import DEFAULT_LETTERHEAD

if TYPE_CHECKING:
    from clinic_app.domain.letterhead import Letterhead

LOGO_FORMATS = ("PNG", "JPEG")


def add_letterhead_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--clinic-name", default=DEFAULT_LETTERHEAD.clinic_name)
    parser.add_argument("--clinic-address", default="", help="use \\n for line breaks")
    parser.add_argument("--logo", type=Path, help="PNG or JPEG logo for the letterhead")


def letterhead_from(args: argparse.Namespace) -> Letterhead:
    from clinic_app.domain.letterhead import Letterhead

    if args.logo is not None:
        check_logo(args.logo)
    return Letterhead(
        clinic_name=args.clinic_name,
        address=args.clinic_address.replace("\\n", "\n"),
        logo_path=args.logo,
    )


def check_logo(path: Path) -> None:
    """``CommandError`` unless ``path`` is a readable PNG or JPEG image."""
    from PIL import Image

    expected = f"expected a {' or '.join(LOGO_FORMATS)} image file"
    if not path.is_file():
        reason = "is a folder" if path.is_dir() else "does not exist"
        raise CommandError(f"--logo {str(path)!r} {reason}; {expected}")
    try:
        with Image.open(path) as image:
            kind = image.format
            image.verify()
    except (OSError, SyntaxError, ValueError) as error:  # what Pillow raises for bad data
        raise CommandError(f"--logo {str(path)!r} is not a readable image; {expected}") from error
    if kind not in LOGO_FORMATS:
        raise CommandError(f"--logo {str(path)!r} is a {kind} image; {expected}")
