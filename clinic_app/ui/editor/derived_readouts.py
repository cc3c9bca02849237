"""The derived values shown beside their inputs, as plain text computed from the document.

Each readout names the group of findings it belongs to; the page places it at the end of
that group. Values come from ``domain.derived`` and ``domain.kujala`` only; when inputs are
missing the text says what is needed instead of showing a number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clinic_app.domain import derived
from clinic_app.domain.assessment import Assessment
from clinic_app.domain.exam_strength import MuscleGroupStrength, StrengthExam
from clinic_app.domain.fields import Path
from clinic_app.domain.kujala import score_kujala
from clinic_app.domain.model_base import Side


@dataclass(frozen=True)
class Readout:
    group: Path
    title: str
    text: Callable[[Assessment, Side | None], str]
    per_side: bool = False

    @property
    def key(self) -> str:
        return ".".join((*self.group, self.title))


def _bmi(doc: Assessment, _: Side | None) -> str:
    body = doc.history.body
    value = derived.bmi(body.height_cm, body.body_mass_kg)
    return f"{value} kg/m²" if value is not None else "needs height and body mass"


def _days_since_injury(doc: Assessment, _: Side | None) -> str:
    days = derived.days_since_injury(doc)
    if days is None:
        return "needs the date of injury"
    if days < 0:
        return "the date of injury is after the assessment date"
    return f"{days} days (on the assessment date)"


def _strength(name: str) -> Callable[[Assessment], MuscleGroupStrength]:
    return lambda doc: getattr(doc.strength, name)


def _percent_bw(name: str) -> Callable[[Assessment, Side | None], str]:
    def text(doc: Assessment, side: Side | None) -> str:
        assert side is not None
        value = derived.percent_body_weight(
            _strength(name)(doc).side(side), doc.history.body.body_mass_kg
        )
        return f"{value} %BW" if value is not None else "needs force and body mass"

    return text


def _torque(name: str) -> Callable[[Assessment, Side | None], str]:
    def text(doc: Assessment, side: Side | None) -> str:
        assert side is not None
        strength = _strength(name)(doc).side(side)
        value = derived.torque_per_kg(strength, doc.history.body.body_mass_kg)
        return f"{value} Nm/kg" if value is not None else "needs force, lever arm, body mass"

    return text


def _lsi(name: str) -> Callable[[Assessment, Side | None], str]:
    def text(doc: Assessment, _: Side | None) -> str:
        index = derived.limb_symmetry_index(_strength(name)(doc), doc.affected_side)
        if index is None:
            return "needs force on both sides"
        flag = f"; below {derived.LSI_DEFICIT_BELOW_PERCENT:g}%: deficit" if index.deficit else ""
        return f"{index.percent}% ({index.basis}){flag}"

    return text


def _lunge_asymmetry(doc: Assessment, _: Side | None) -> str:
    lunge = doc.foot_ankle.lunge
    parts = []
    distance = derived.lunge_asymmetry_cm(lunge)
    if distance is not None:
        flag = (
            f" (>= {derived.LUNGE_ASYMMETRY_FLAG_CM:g} cm: asymmetric)"
            if distance >= derived.LUNGE_ASYMMETRY_FLAG_CM
            else ""
        )
        parts.append(f"{distance} cm{flag}")
    angle = derived.lunge_asymmetry_deg(lunge)
    if angle is not None:
        parts.append(f"{angle} deg")
    return "; ".join(parts) if parts else "needs the same measure on both sides"


def _step_down(doc: Assessment, side: Side | None) -> str:
    assert side is not None
    score = derived.step_down_score(doc.functional.step_down.side(side))
    if score is None:
        return "needs every scored item"
    return f"{score} of 6 ({derived.step_down_quality(score)})"


_WELLS_NAMES = {
    "active_cancer": "active cancer",
    "recent_immobilisation": "immobilisation",
    "surgery_within_12_weeks": "surgery",
    "previous_vte": "previous VTE",
    "entire_leg_swollen": "entire leg swollen",
    "calf_swelling_3cm": "calf swelling",
    "pitting_oedema": "pitting oedema",
    "collateral_superficial_veins": "collateral veins",
    "deep_vein_tenderness": "deep vein tenderness",
    "alternative_diagnosis_as_likely": "alternative diagnosis",
}


def _wells(doc: Assessment, _: Side | None) -> str:
    score = derived.wells_score(doc)
    if score.complete:
        return f"{score.known_points} (history and exam items)"
    missing = ", ".join(_WELLS_NAMES.get(name, name) for name in score.unassessed)
    return (
        f"incomplete: {score.minimum_possible} to {score.maximum_possible} possible; "
        f"not assessed: {missing}"
    )


def _kujala(doc: Assessment, _: Side | None) -> str:
    score = score_kujala(doc.outcomes.kujala)
    if score.total is not None:
        return f"{score.total} / 100"
    numbers = ", ".join(str(item.number) for item in score.missing)
    return f"no total: {len(score.missing)} of 13 items unanswered (items {numbers})"


def _strength_readouts() -> list[Readout]:
    readouts = []
    for name in StrengthExam.model_fields:
        group = ("strength", name)
        readouts += [
            Readout(group, "Force / body weight", _percent_bw(name), per_side=True),
            Readout(group, "Torque / body mass", _torque(name), per_side=True),
            Readout(group, "Limb symmetry index", _lsi(name)),
        ]
    return readouts


READOUTS: tuple[Readout, ...] = (
    Readout(("history", "body"), "BMI", _bmi),
    Readout(("history", "trauma"), "Days since injury", _days_since_injury),
    *_strength_readouts(),
    Readout(("foot_ankle", "lunge"), "Lunge asymmetry", _lunge_asymmetry),
    Readout(("functional", "step_down"), "Step-down score", _step_down, per_side=True),
    Readout(("screens", "wells"), "Wells DVT score", _wells),
    Readout(("outcomes", "kujala"), "Kujala AKPS total", _kujala),
)
