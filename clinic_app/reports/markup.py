"""The one path from user text into a ReportLab Paragraph.

Paragraph text is a small XML dialect: raw ``<b>`` raises, ``Dx: <unknown>``
silently loses the tag-like part, ``&amp;`` would be decoded. User text therefore
never reaches the markup parser unescaped. One-line text skips the parser
altogether: it becomes the parser's own text fragment for the style (plain or
bold) with the text set literally, so nothing in it can be read as markup, and the
paragraph is made several times quicker. Text with line breaks is escaped (``safe``)
and parsed, its breaks as ``<br/>``. Strings drawn directly on the canvas or put
into Table cells as plain strings must not be escaped (see ``clean``).

Characters the style's font lacks (Chinese, emoji) are printed in a fallback font: the
text is split into runs (``font_runs``), each a fragment in its font, or, when parsed,
each escaped run wrapped in ``<font name="...">``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaFrag

from clinic_app.domain.control_characters import printable
from clinic_app.reports.font_runs import font_runs
from clinic_app.reports.fonts import BOLD

# (text, in bold) pieces of one paragraph
Pieces = Sequence[tuple[str, bool]]


class Text(Paragraph):
    """A Paragraph that breaks its lines once per width.

    Platypus asks a flowable for its size many times at the same width (KeepTogether,
    then the frame; a Table cell when the table is measured, again when it is drawn,
    and once more per enclosing table). Line breaking depends only on the width, so a
    repeat answer is the same; ``split`` deletes ``blPara`` when it gives up, which
    forces a fresh break.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_width and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size


def clean(text: str) -> str:
    """Unify line breaks and drop control characters (they draw as boxes)."""
    return printable(text.replace("\r\n", "\n").replace("\r", "\n"))


def safe(text: str) -> str:
    """Escape text for Paragraph markup; keep line breaks; drop control characters."""
    return escape(clean(text)).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return _paragraph([(text, False)], style)


def labelled(label: str | None, text: str, style: ParagraphStyle) -> Paragraph:
    """``label`` in bold, then ``text``."""
    if not label:
        return para(text, style)
    return _paragraph([(label, True), (" " + text, False)], style)


def bold(text: str, style: ParagraphStyle) -> Paragraph:
    return _paragraph([(text, True)], style)


def _paragraph(pieces: Pieces, style: ParagraphStyle) -> Paragraph:
    cleaned = [(clean(text), in_bold) for text, in_bold in pieces]
    if any("\n" in text for text, _ in cleaned) or not "".join(t for t, _ in cleaned).strip():
        markup = "".join(_marked(text, style, in_bold) for text, in_bold in cleaned)
        return Text(markup, style)
    plain, boldface = _fragments(style)
    frags = []
    for index, (text, in_bold) in enumerate(cleaned):
        fragment = boldface if in_bold else plain
        for run, font in font_runs(_collapse(text, first=index == 0), fragment.fontName):
            frags.append(fragment.clone(text=run, fontName=font, link=[], us_lines=[]))
    return Text(None, style, frags=[frag for frag in frags if frag.text.strip()])


def _marked(text: str, style: ParagraphStyle, in_bold: bool) -> str:
    """``text`` escaped, each run in a font other than the style's inside a ``<font>`` tag
    (bold is the bold face named so: a ``<b>`` around a run would make it bold in any font)."""
    return "".join(
        safe(run) if font == style.fontName else f'<font name="{font}">{safe(run)}</font>'
        for run, font in font_runs(text, BOLD if in_bold else style.fontName)
    )


def _collapse(text: str, first: bool) -> str:
    """Whitespace as the parser leaves it: runs become one space, none at the very start
    or end of the paragraph; a piece after the first keeps its leading space."""
    words = " ".join(text.split())
    if not first and text[:1].isspace():
        words = " " + words
    return words


@cache
def _fragments(style: ParagraphStyle) -> tuple[ParaFrag, ParaFrag]:
    """The parser's fragments for plain and for bold text in ``style``."""
    boldface, plain = Paragraph("<b>x</b>x", style).frags
    return plain, boldface
