"""The reports' own layout pieces, laid out in real documents and read back."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from clinic_app.domain.letterhead import DEFAULT_LETTERHEAD
from clinic_app.reports.backfill import Backfill
from clinic_app.reports.cells import cell
from clinic_app.reports.fonts import BOLD
from clinic_app.reports.keep import keep_headings, with_start
from clinic_app.reports.page import PageFrame
from clinic_app.reports.paragraphs import bold, labelled, para
from clinic_app.reports.pdf_build import FRAME_HEIGHT, FRAME_WIDTH, render_pdf
from clinic_app.reports.styles import note_styles, plan_styles
from clinic_app.reports.text_block import TextBlock
from tests.reports.report_pdf_reading import pdf_pages

FRAME = PageFrame(DEFAULT_LETTERHEAD, "Test", "Patient: test", "Clinician: test", draft=False)
STYLES = note_styles()


def _page_of(pages: list[str], text: str) -> int:
    return next(number for number, page in enumerate(pages, start=1) if text in page)


def _pages(story: list[Flowable]) -> list[str]:
    return pdf_pages(render_pdf(story, FRAME))


def _section(title: str, lines: int = 1) -> list[Flowable]:
    return [para(title, STYLES.section),
            *(para(f"{title} line {index}", STYLES.body) for index in range(lines))]


def _filled_to(space_left: float) -> Spacer:
    return Spacer(1, FRAME_HEIGHT - space_left)


def test_sections_move_up_into_the_gap_a_block_leaves_in_order() -> None:
    backfill = Backfill([_section("Alpha"), _section("Beta"), _section("Gamma", lines=30)],
                        min_gap=20)
    block = [para("BLOCK", STYLES.heading), Spacer(1, 300)]
    pages = _pages([_filled_to(250), backfill.ahead_of(block), KeepTogether(block),
                    backfill.rest()])
    assert _page_of(pages, "Alpha") == _page_of(pages, "Beta") == 1
    assert _page_of(pages, "BLOCK") == 2
    assert _page_of(pages, "Gamma") == 2  # too big for the gap: stays after the block
    assert pages[1].index("BLOCK") < pages[1].index("Gamma")


def test_a_section_too_tall_for_the_gap_waits_and_a_shorter_later_one_goes() -> None:
    backfill = Backfill([_section("Gamma", lines=30), _section("Delta")], min_gap=20)
    block = [para("BLOCK", STYLES.heading), Spacer(1, 300)]
    pages = _pages([_filled_to(250), backfill.ahead_of(block), KeepTogether(block),
                    backfill.rest()])
    assert _page_of(pages, "Delta") == 1
    assert _page_of(pages, "Gamma") == _page_of(pages, "BLOCK") == 2


def test_nothing_moves_when_the_block_fits_or_the_gap_is_small() -> None:
    for space_left, block_height in ((400, 100), (40, 300)):
        backfill = Backfill([_section("Alpha")], min_gap=60)
        block = [para("BLOCK", STYLES.heading), Spacer(1, block_height)]
        pages = _pages([_filled_to(space_left), backfill.ahead_of(block), KeepTogether(block),
                        backfill.rest()])
        text = "\n".join(pages)
        assert text.index("BLOCK") < text.index("Alpha")


def _long_table(rows: int) -> Table:
    return Table([["Finding", "Result"], *([f"row {index}", "no"] for index in range(rows))],
                 repeatRows=1)


@pytest.mark.parametrize(("space_left", "heading_page"), [(90, 1), (25, 2)])
def test_a_heading_goes_with_the_start_of_its_table_not_all_of_it(
    space_left: float, heading_page: int
) -> None:
    table = _long_table(60)
    table.keep_start = _long_table(2)
    pages = _pages([_filled_to(space_left), *with_start([para("HEAD", STYLES.heading)], table)])
    assert _page_of(pages, "HEAD") == heading_page
    assert _page_of(pages, "row 0") == heading_page  # the table starts under its heading
    assert _page_of(pages, "row 59") > heading_page  # the rest of the table runs on


def test_headings_in_a_story_are_kept_with_what_follows() -> None:
    long_text = "words " * 400
    story = keep_headings(
        [_filled_to(30), para("Section", STYLES.section), para("Heading", STYLES.heading),
         para(long_text, STYLES.body)],
        (STYLES.section, STYLES.heading),
    )
    pages = _pages(story)
    assert _page_of(pages, "Section") == _page_of(pages, "Heading") == _page_of(pages, "words")


def test_a_start_taller_than_a_page_does_not_leave_an_empty_page() -> None:
    pages = _pages(with_start([para("HEAD", STYLES.heading)], _long_table(200)))
    assert _page_of(pages, "HEAD") == _page_of(pages, "row 0") == 1


@pytest.mark.parametrize("text", [
    "Knee pain after 40 min   of sitting ", "Ελληνικά γόνατο", "S&P <b> &amp; Dx: <unknown>",
    "x" * 300, "Zoë Ñúñez-Øster, genou épanché",
])
def test_one_line_text_reads_and_breaks_as_the_parser_would_make_it(text: str) -> None:
    style = plan_styles().body
    fast, parsed = para(text, style), Paragraph(escape(text), style)
    assert fast.getPlainText() == parsed.getPlainText() == " ".join(text.split())
    assert fast.wrap(200, 10_000) == parsed.wrap(200, 10_000)
    label = labelled("Label:", text, style)
    assert label.getPlainText() == "Label: " + " ".join(text.split())
    assert label.runs[0][1] == BOLD and bold(text, style).runs[0][1] == BOLD


def test_line_breaks_and_control_characters() -> None:
    style = STYLES.body
    two_lines = para("first\r\nsecond <b>", style)
    assert two_lines.wrap(FRAME_WIDTH, 1000)[1] == pytest.approx(2 * style.leading)
    assert "second <b>" in two_lines.getPlainText()
    assert para("a\x00b\x07c", style).getPlainText() == "abc"
    assert para("  ", style).wrap(FRAME_WIDTH, 1000)[1] == 0


def test_a_cell_is_a_string_when_it_fits_on_one_line() -> None:
    assert cell("not  assessed\x00", STYLES.cell, 100) == "not assessed"
    assert isinstance(cell("a much longer finding text " * 4, STYLES.cell, 100), TextBlock)
    assert isinstance(cell("two\nlines", STYLES.cell, 400), TextBlock)
