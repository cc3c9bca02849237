"""Outcome measures followed across visits, each with its minimal clinically important
difference (reference.md section 4: AKPS 10 points, NPRS 2 points or 30 %, KOOS-PF 16.4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.derived import involved_and_other, limb_symmetry_index, step_down_score
from clinic_app.domain.kujala import KUJALA_MCIC
from clinic_app.domain.model_base import Side
from clinic_app.domain.outcomes import akps_total

NPRS_MCID_POINTS = 2.0  # Farrar 2001: >= 2 points or >= 30 % (product default [D])
NPRS_MCID_SHARE = 0.30
KOOS_PF_MIC = 16.4  # Crossley 2018, BJSM 52:1130


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    unit: str
    low: float
    high: float
    higher_is_better: bool
    read: Callable[[Assessment], float | None]
    # The smallest meaningful change from a baseline value; None: no MCID in the reference.
    mcid: Callable[[float], float] | None
    mcid_text: str

    def threshold(self, baseline: float) -> float | None:
        return None if self.mcid is None else self.mcid(baseline)


def _akps(assessment: Assessment) -> float | None:
    total = akps_total(assessment.outcomes)
    return None if total is None else float(total.value)


def _nprs_threshold(baseline: float) -> float:
    """>= 2 points or >= 30 % of the baseline, whichever is reached first."""
    share = NPRS_MCID_SHARE * baseline
    return min(NPRS_MCID_POINTS, share) if share > 0 else NPRS_MCID_POINTS


def _number(value: float | int | None) -> float | None:
    return None if value is None else float(value)


def _lsi(group: str) -> Callable[[Assessment], float | None]:
    def read(assessment: Assessment) -> float | None:
        index = limb_symmetry_index(getattr(assessment.strength, group), assessment.affected_side)
        return None if index is None else index.percent
    return read


def _step_down(assessment: Assessment) -> float | None:
    """The involved side's score; with no single involved side, the worse of the two."""
    sides = involved_and_other(assessment.affected_side)
    chosen = (sides[0],) if sides else (Side.LEFT, Side.RIGHT)
    scores = [step_down_score(assessment.functional.step_down.side(side)) for side in chosen]
    known = [score for score in scores if score is not None]
    return float(max(known)) if known else None


MEASURES: tuple[Measure, ...] = (
    Measure("akps", "Kujala AKPS", "points", 0, 100, True, _akps,
            lambda _baseline: float(KUJALA_MCIC), f"{KUJALA_MCIC} points (Crossley 2004)"),
    Measure("nprs_usual", "Usual pain (NPRS)", "points", 0, 10, False,
            lambda a: _number(a.outcomes.pain.usual), _nprs_threshold,
            "2 points or 30 % (Farrar 2001)"),
    Measure("nprs_worst", "Worst pain last week (NPRS)", "points", 0, 10, False,
            lambda a: _number(a.outcomes.pain.worst_last_week), _nprs_threshold,
            "2 points or 30 % (Farrar 2001)"),
    Measure("koos_pf", "KOOS-PF", "0-100", 0, 100, True,
            lambda a: a.outcomes.koos_pf.total, lambda _baseline: KOOS_PF_MIC,
            f"{KOOS_PF_MIC:g} points (Crossley 2018)"),
    Measure("lsi_knee_extension", "Knee extension symmetry (LSI)", "%", 0, 150, True,
            _lsi("knee_extension"), None, "no MCID; >= 90 % counts as symmetric"),
    Measure("lsi_hip_abduction", "Hip abduction symmetry (LSI)", "%", 0, 150, True,
            _lsi("hip_abduction"), None, "no MCID; >= 90 % counts as symmetric"),
    Measure("step_down", "Lateral step-down score", "0-6", 0, 6, False, _step_down, None,
            "no MCID; 0-1 good, 2-3 moderate, 4-6 poor"),
)

MEASURES_BY_KEY = {measure.key: measure for measure in MEASURES}
