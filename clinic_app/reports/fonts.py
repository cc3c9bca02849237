"""The fonts of the PDFs: DejaVu Sans for every style (Latin, Greek, Cyrillic, Hebrew and
Arabic letters, many symbols), then fallback fonts found on this computer for what DejaVu
lacks (see ``font_discovery``), each registered once."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from clinic_app.reports.font_discovery import FALLBACK_FONTS, FallbackFont, candidate_files
from clinic_app.resources import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"


@cache
def register_fonts() -> str:
    """Register the family (idempotent) and return the regular face name."""
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return REGULAR


@cache
def fallback_fonts() -> tuple[str, ...]:
    """The names of the fallback fonts found and registered, in the order they are tried."""
    register_fonts()
    return tuple(font.name for font in FALLBACK_FONTS if _register_fallback(font))


def _register_fallback(font: FallbackFont) -> bool:
    for path in candidate_files(font):
        try:
            face = TTFont(font.name, str(path))
        except (TTFError, OSError):  # unreadable, or outlines ReportLab cannot embed
            continue
        pdfmetrics.registerFont(face)
        # One face only: bold and italic text in this font print upright and regular.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(font.name, bold, italic, font.name)
        return True
    return False


@cache
def glyphs(font: str) -> frozenset[str]:
    """The characters ``font`` (DejaVu or a registered fallback) has a glyph for."""
    register_fonts()
    mapping = pdfmetrics.getFont(font).face.charToGlyph
    return frozenset(chr(code) for code, glyph in mapping.items() if glyph)
