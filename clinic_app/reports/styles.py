"""Paragraph styles for both documents; every style uses the DejaVu family."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from clinic_app.reports.fonts import BOLD, register_fonts
from clinic_app.reports.page import ACCENT, INK, MUTED

ABNORMAL = colors.HexColor("#b3261e")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    abnormal: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_abnormal: ParagraphStyle
    title: ParagraphStyle
    section: ParagraphStyle
    heading: ParagraphStyle
    box: ParagraphStyle


@cache
def note_styles() -> Styles:
    return _styles(base=8.5, space=0.5)


@cache
def plan_styles() -> Styles:
    """Large type for patients, less space between paragraphs so the plan stays short."""
    return _styles(base=11.5, space=0.5)


def _styles(base: float, space: float = 1.0) -> Styles:
    """``space``: the share of the usual space around paragraphs and headings."""
    font = register_fonts()
    body = ParagraphStyle(
        f"body{base}", fontName=font, fontSize=base, leading=base * 1.3, textColor=INK,
        spaceAfter=base * 0.25 * space,
    )
    cell = ParagraphStyle(f"cell{base}", parent=body, fontSize=base - 1, leading=(base - 1) * 1.25,
                          spaceAfter=0)
    return Styles(
        body=body,
        small=ParagraphStyle(f"small{base}", parent=body, fontSize=base - 2,
                             leading=(base - 2) * 1.3, textColor=MUTED),
        abnormal=ParagraphStyle(f"abn{base}", parent=body, textColor=ABNORMAL),
        cell=cell,
        cell_bold=ParagraphStyle(f"cellb{base}", parent=cell, fontName=BOLD),
        cell_abnormal=ParagraphStyle(f"cella{base}", parent=cell, textColor=ABNORMAL),
        title=ParagraphStyle(f"title{base}", parent=body, fontName=BOLD, fontSize=base * 1.7,
                             leading=base * 2.1, textColor=ACCENT, spaceAfter=base * 0.5),
        section=ParagraphStyle(f"section{base}", parent=body, fontName=BOLD,
                               fontSize=base * 1.35, leading=base * (1.45 + 0.25 * space),
                               textColor=ACCENT, spaceBefore=base * 0.9 * space,
                               spaceAfter=base * 0.3 * space),
        heading=ParagraphStyle(f"heading{base}", parent=body, fontName=BOLD,
                               fontSize=base * 1.05, spaceBefore=base * 0.5 * space,
                               spaceAfter=base * 0.2 * space),
        box=ParagraphStyle(f"box{base}", parent=body, fontName=font, leftIndent=0),
    )


def table_style(commands: list[tuple]) -> TableStyle:
    """A table style whose cells default to DejaVu (ReportLab's default is Helvetica)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), register_fonts()), *commands])
