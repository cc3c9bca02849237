"""Fill the space a large block leaves when it moves whole to the next page.

An exercise card is kept whole. When it does not fit below what is already on the page,
it moves to the next page and leaves a gap; on the plan's first page that gap was half
the page. ``Backfill`` holds sections that read the same anywhere (advice with its own
heading): ``ahead_of(block)`` goes just before the block and, only when the block will
not fit and the gap would be at least ``min_gap`` high, lays out there the sections that
fit (in their order, skipping any too tall); ``rest()`` goes where the sections belong and
lays out the others.
The decision is taken during layout, when the space left on the page is known.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import NullActionFlowable

from clinic_app.reports.keep import UNBOUNDED, stacked_height

# A heading and what it introduces, kept with it (see ``keep``) as it should read anywhere.
Section = Sequence[Flowable]


class Backfill:
    def __init__(self, sections: Sequence[Section], min_gap: float) -> None:
        self._waiting: list[Section] = list(sections)
        self.min_gap = min_gap

    def ahead_of(self, block: Section) -> Flowable:
        return _FillAhead(self, block)

    def rest(self) -> Flowable:
        return _Rest(self)

    def take_fitting(self, height: float) -> list[Flowable]:
        """Remove from the waiting sections those that fit in ``height``, in their order;
        one too tall for what is left waits and a later, shorter one may go instead."""
        taken: list[Flowable] = []
        waiting: list[Section] = []
        for section in self._waiting:
            needed = stacked_height(section)
            if needed <= height:
                height -= needed
                taken.extend(section)
            else:
                waiting.append(section)
        self._waiting = waiting
        return taken

    def take_all(self) -> list[Flowable]:
        """The sections not moved."""
        taken = [flowable for section in self._waiting for flowable in section]
        self._waiting = []
        return taken


class _Deciding(Flowable):
    """Reports no fitting size, so the frame asks it to ``split`` with the space left.

    What ``split`` returns starts with an action flowable: the document then queues the
    list as it is instead of insisting that its first item fits (a KeepTogether never does).
    """

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, UNBOUNDED

    def draw(self) -> None:  # replaced by what split returns, never drawn
        return None


class _FillAhead(_Deciding):
    def __init__(self, backfill: Backfill, block: Section) -> None:
        super().__init__()
        self.backfill = backfill
        self.block = block

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if available_height < self.backfill.min_gap or (
            stacked_height(self.block) <= available_height
        ):
            return [NullActionFlowable()]
        return [NullActionFlowable(), *self.backfill.take_fitting(available_height)]


class _Rest(_Deciding):
    def __init__(self, backfill: Backfill) -> None:
        super().__init__()
        self.backfill = backfill

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return [NullActionFlowable(), *self.backfill.take_all()]
