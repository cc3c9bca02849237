"""Headings kept with the start of what they introduce, not with all of it.

A KeepTogether of a heading and a whole table moves both to the next page when the
table does not fit, leaving the rest of the page blank. Here the headings go first
only if there is room below them for the start of the content (two lines of a
paragraph; for a table, the part it names as ``keep_start``, its header and first
rows); the content then splits as usual. The room is measured when the story is
built, at the page frame's width, and asked for with a CondPageBreak (also cheaper than a
KeepTogether, which copies the frame on every measure).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable

from clinic_app.reports.pdf_build import FRAME_HEIGHT, FRAME_WIDTH
from clinic_app.reports.text_block import TextBlock

UNBOUNDED = 0xFFFFFF
START_LINES = 2  # a paragraph does not split leaving fewer lines than this (no orphans)


def with_start(headings: Sequence[Flowable], content: Flowable) -> list[Flowable]:
    """``headings`` then ``content``, the headings never last on a page."""
    if not headings:
        return [content]
    needed = stacked_height(headings) + _start(content)
    # At most a page (less a point of slack): more would break even at the top of a page.
    return [CondPageBreak(min(needed, FRAME_HEIGHT - 1)), *headings, content]


def keep_headings(
    story: Sequence[Flowable], heading_styles: Collection[ParagraphStyle]
) -> list[Flowable]:
    """``story`` with every run of headings (paragraphs in ``heading_styles``) kept with
    the start of the flowable after it."""
    kept: list[Flowable] = []
    headings: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, TextBlock) and flowable.style in heading_styles:
            headings.append(flowable)
        elif headings:
            kept += with_start(headings, flowable)
            headings = []
        else:
            kept.append(flowable)
    return kept + headings


def height_of(flowable: Flowable) -> float:
    """The height ``flowable`` takes in the page frame, with its spaces before and after."""
    _, height = flowable.wrapOn(None, FRAME_WIDTH, UNBOUNDED)
    return flowable.getSpaceBefore() + height + flowable.getSpaceAfter()


def stacked_height(flowables: Sequence[Flowable]) -> float:
    """Height of ``flowables`` one below the other in the page frame, every space counted.

    A frame merges a space after with the space before the next flowable, so this is
    an upper bound: what is taken on this measure always fits.
    """
    return sum(height_of(flowable) for flowable in flowables)


def _start(flowable: Flowable) -> float:
    start = getattr(flowable, "keep_start", None)
    if start is not None:
        return height_of(start)
    height = height_of(flowable)
    if isinstance(flowable, TextBlock):
        return min(height, flowable.getSpaceBefore() + START_LINES * flowable.style.leading)
    return height
