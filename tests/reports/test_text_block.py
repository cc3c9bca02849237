"""The reports' text blocks print as ReportLab's Paragraph prints the same text.

ReportLab's Paragraph is the oracle: the same text, in documents built the same way, must
give the same lines at the same places on the same pages. The texts are drawn at random
(words of any length, long ones split where the line is full; widths from a narrow table
cell, 16 points, to the page; pages full enough that paragraphs split). Narrower than a
character or two, the two part ways: neither is readable there.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reportlab.platypus import Flowable, Indenter, Paragraph, Spacer

from clinic_app.domain.letterhead import DEFAULT_LETTERHEAD
from clinic_app.reports.font_runs import font_runs
from clinic_app.reports.page import PageFrame
from clinic_app.reports.paragraphs import labelled, para
from clinic_app.reports.pdf_build import FRAME_HEIGHT, FRAME_WIDTH, render_pdf
from clinic_app.reports.styles import note_styles, plan_styles
from tests.reports.report_pdf_reading import body_runs

FRAME = PageFrame(DEFAULT_LETTERHEAD, "Test", "Patient: test", "Clinician: test", draft=False)
STYLE = plan_styles().body

# Narrow letters and wide, punctuation, markup characters, accents, Greek; long words too.
WORDS = st.text(alphabet="abcxyzWMil1é&<>γ()—;:,.-", min_size=1, max_size=40)
TEXTS = st.lists(WORDS, min_size=1, max_size=120).map(" ".join)
# Words of up to four syllables joined by soft hyphens, none longer than a line of 150 points.
SOFT_HYPHENATED = st.lists(st.text(alphabet="abcWMil1é-", min_size=1, max_size=3),
                           min_size=1, max_size=4).map("\xad".join)


def _lines(story: list[Flowable]) -> list[list[tuple[float, str]]]:
    """Per page, each printed line's baseline and text, the line's runs joined."""
    pages = []
    for runs in body_runs(render_pdf(story, FRAME)):
        lines: dict[float, list[str]] = {}
        for run in runs:
            lines.setdefault(round(run.y, 2), []).append(run.text)
        pages.append([(y, " ".join(" ".join(texts).split())) for y, texts in lines.items()])
    return pages


def _in_width(flowable: Flowable, width: float) -> list[Flowable]:
    """``flowable`` laid out in a column ``width`` points wide (and split across pages)."""
    return [Indenter(right=FRAME_WIDTH - width), flowable, Indenter(right=width - FRAME_WIDTH)]


@settings(max_examples=60, deadline=None)
@given(text=TEXTS, width=st.floats(min_value=16, max_value=FRAME_WIDTH))
def test_lines_break_where_the_paragraph_breaks_them(text: str, width: float) -> None:
    ours = _lines(_in_width(para(text, STYLE), width))
    oracle = _lines(_in_width(Paragraph(escape(text), STYLE), width))
    assert ours == oracle


@settings(max_examples=30, deadline=None)
@given(text=TEXTS, filled=st.floats(min_value=0, max_value=FRAME_HEIGHT - 1))
def test_a_block_splits_across_pages_where_the_paragraph_splits(text: str, filled: float) -> None:
    text = " ".join([text] * 8)  # long enough to run over a page
    ours = _lines([Spacer(1, filled), para(text, STYLE), para("after", STYLE)])
    oracle = _lines([Spacer(1, filled), Paragraph(escape(text), STYLE),
                     Paragraph("after", STYLE)])
    assert ours == oracle


@settings(max_examples=40, deadline=None)
@given(label=WORDS, text=TEXTS, width=st.floats(min_value=30, max_value=FRAME_WIDTH))
@example(label="Subjective:", text="pain on stairs " * 12 + "x" * 150, width=90)
def test_a_label_and_its_text_print_as_bold_markup_does(
    label: str, text: str, width: float
) -> None:
    style = note_styles().body
    ours = _lines(_in_width(labelled(label, text, style), width))
    oracle = _lines(_in_width(Paragraph(f"<b>{escape(label)}</b> {escape(text)}", style),
                              width))
    assert ours == oracle


def test_line_breaks_in_the_text_are_kept_and_blank_lines_between_them_too() -> None:
    lines = _lines([para("first line\n\nthird  line\n", STYLE)])[0]
    assert [text for _, text in lines] == ["first line", "third line"]
    first, third = (y for y, _ in lines)
    assert first - third == pytest.approx(2 * STYLE.leading)



@settings(max_examples=30, deadline=None)
@given(text=st.lists(st.text(alphabet="ab Wé张伟明🏃", min_size=1, max_size=30), min_size=1,
                     max_size=20).map(" ".join),
       width=st.floats(min_value=30, max_value=FRAME_WIDTH))
def test_text_in_fallback_fonts_breaks_as_font_markup_does(text: str, width: float) -> None:
    """Chinese and emoji are printed in fallback fonts: runs in several fonts, and words
    (Chinese has no spaces) longer than the line."""
    marked = "".join(
        escape(run) if font == STYLE.fontName else f'<font name="{font}">{escape(run)}</font>'
        for run, font in font_runs(" ".join(text.split()), STYLE.fontName)
    )
    ours = _lines(_in_width(para(text, STYLE), width))
    assert ours == _lines(_in_width(Paragraph(marked, STYLE), width))


@settings(max_examples=40, deadline=None)
@given(text=st.lists(SOFT_HYPHENATED, min_size=1, max_size=60).map(" ".join),
       width=st.floats(min_value=150, max_value=FRAME_WIDTH))
def test_words_break_at_soft_hyphens_as_the_paragraph_breaks_them(text: str, width: float) -> None:
    """A soft hyphen (pasted from a word processor) is a place a word may break, with a
    hyphen printed; elsewhere it is not printed. (At a word's very start the Paragraph would
    break there and print a lone hyphen; the block moves the word whole.)"""
    ours = _lines(_in_width(para(text, STYLE), width))
    assert ours == _lines(_in_width(Paragraph(escape(text), STYLE), width))
    assert "\xad" not in str(ours)


def test_a_long_word_that_cannot_break_at_its_soft_hyphens_stays_in_its_column() -> None:
    """Where the Paragraph lets such a word run past the column, the block splits it where
    the line is full, as it does any word longer than a line."""
    word = "patellofemoral\xadarthroplasty" * 2
    block = para(f"see {word} here", STYLE)
    block.wrap(60, 10_000)
    printed = [line.words for line in block._lines_at(60)]
    assert all(sum(word.width + (word.space if index else 0) for index, word in
                   enumerate(words)) <= 60 for words in printed)
    assert block.getPlainText() == "see " + word.replace("\xad", "") + " here"
