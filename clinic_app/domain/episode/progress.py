"""Progress across an episode: each measure's series, its baseline and the change against
the minimal clinically important difference (MCID)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clinic_app.domain.episode.measures import MEASURES, Measure
from clinic_app.domain.episode.verdict import Verdict
from clinic_app.domain.episode.visits import Visit


@dataclass(frozen=True)
class Point:
    on: date
    value: float | None


@dataclass(frozen=True)
class Change:
    """The latest value against the baseline."""

    baseline: float
    latest: float
    threshold: float | None  # the MCID from this baseline; None when there is none

    @property
    def delta(self) -> float:
        return self.latest - self.baseline

    def meaningful(self) -> bool | None:
        if self.threshold is None:
            return None
        return abs(self.delta) >= self.threshold - 1e-9


@dataclass(frozen=True)
class Series:
    measure: Measure
    points: tuple[Point, ...]

    @property
    def baseline(self) -> Point | None:
        """The first recorded value of the episode."""
        return next((point for point in self.points if point.value is not None), None)

    @property
    def latest(self) -> Point | None:
        return next((point for point in reversed(self.points) if point.value is not None), None)

    @property
    def recorded(self) -> bool:
        return self.baseline is not None

    def change(self) -> Change | None:
        first, last = self.baseline, self.latest
        if first is None or last is None or first is last:
            return None
        assert first.value is not None and last.value is not None
        return Change(first.value, last.value, self.measure.threshold(first.value))

    def band(self) -> tuple[float, float] | None:
        """Baseline +- MCID, clipped to the scale: inside it a change is not meaningful."""
        first = self.baseline
        if first is None or first.value is None:
            return None
        threshold = self.measure.threshold(first.value)
        if threshold is None:
            return None
        return (max(self.measure.low, first.value - threshold),
                min(self.measure.high, first.value + threshold))

    def verdict(self) -> Verdict:
        change = self.change()
        if change is None:
            return Verdict.NOT_ENOUGH if self.recorded else Verdict.NOT_RECORDED
        meaningful = change.meaningful()
        if meaningful is None:
            return Verdict.NO_MCID
        if not meaningful:
            return Verdict.NOT_MEANINGFUL
        better = (change.delta > 0) == self.measure.higher_is_better
        return Verdict.BETTER if better else Verdict.WORSE

    def change_text(self) -> str:
        """"+14 points (52 -> 66): meaningful improvement (MCID 10 points (Crossley 2004))"."""
        change = self.change()
        verdict = self.verdict()
        if change is None:
            return verdict.label
        unit = {"points": " points", "%": "%"}.get(self.measure.unit, "")
        return (f"{change.delta:+g}{unit} ({change.baseline:g} -> {change.latest:g}): "
                f"{verdict.label} (MCID {self.measure.mcid_text})")


@dataclass(frozen=True)
class EpisodeProgress:
    visits: tuple[Visit, ...]
    series: tuple[Series, ...]

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(visit.on for visit in self.visits)

    def weeks_since_baseline(self) -> float:
        if not self.visits:
            return 0.0
        return (self.visits[-1].on - self.visits[0].on).days / 7

    def of(self, key: str) -> Series:
        return next(series for series in self.series if series.measure.key == key)

    @property
    def recorded(self) -> tuple[Series, ...]:
        return tuple(series for series in self.series if series.recorded)

    def worse(self) -> tuple[Series, ...]:
        return tuple(s for s in self.series if s.verdict() is Verdict.WORSE)

    def meaningfully_better(self) -> tuple[Series, ...]:
        return tuple(s for s in self.series if s.verdict() is Verdict.BETTER)


def episode_progress(visits: Sequence[Visit], measures: Sequence[Measure] = MEASURES
                     ) -> EpisodeProgress:
    """``visits``: one episode's, oldest first."""
    series = tuple(
        Series(measure, tuple(Point(visit.on, measure.read(visit.assessment)) for visit in visits))
        for measure in measures
    )
    return EpisodeProgress(tuple(visits), series)
