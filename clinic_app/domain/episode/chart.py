"""What a progress chart shows, drawn alike in the app (QPainter) and the PDF (ReportLab).

Each chart has one scale: lines for one or more measures across the visits and the MCID
band around the baseline of its first measure (inside the band a change is not
meaningful).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clinic_app.domain.episode.progress import EpisodeProgress, Series


@dataclass(frozen=True)
class ChartLine:
    label: str
    points: tuple[tuple[date, float], ...]


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    label: str


@dataclass(frozen=True)
class ProgressChart:
    key: str
    title: str
    unit: str
    low: float
    high: float
    dates: tuple[date, ...]
    lines: tuple[ChartLine, ...]
    band: Band | None

    @property
    def empty(self) -> bool:
        return not any(line.points for line in self.lines)


# chart key, title, the measures it draws (the band is the first one's)
CHARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("akps", "Kujala AKPS (higher is better)", ("akps",)),
    ("nprs", "Pain, NPRS (lower is better)", ("nprs_usual", "nprs_worst")),
    ("koos_pf", "KOOS-PF (higher is better)", ("koos_pf",)),
    ("lsi", "Limb symmetry index, % (90 % or more is symmetric)",
     ("lsi_knee_extension", "lsi_hip_abduction")),
    ("step_down", "Lateral step-down score (lower is better)", ("step_down",)),
)


def _line(series: Series) -> ChartLine:
    return ChartLine(series.measure.label, tuple(
        (point.on, point.value) for point in series.points if point.value is not None
    ))


def _band(series: Series) -> Band | None:
    band = series.band()
    baseline = series.baseline
    if band is None or baseline is None or baseline.value is None:
        return None
    return Band(band[0], band[1], f"MCID band around the baseline {baseline.value:g} "
                f"({series.measure.label}: {series.measure.mcid_text})")


def progress_charts(progress: EpisodeProgress, only_recorded: bool = True
                    ) -> tuple[ProgressChart, ...]:
    charts = []
    for key, title, measure_keys in CHARTS:
        series = [progress.of(measure_key) for measure_key in measure_keys]
        first = series[0].measure
        chart = ProgressChart(key, title, first.unit, first.low, first.high, progress.dates,
                              tuple(_line(s) for s in series), _band(series[0]))
        if not (only_recorded and chart.empty):
            charts.append(chart)
    return tuple(charts)
