"""Kujala Anterior Knee Pain Scale: the 13 items and their exact weights.

Weights from the table reproduced in J Orthop 2023;42:54-62 (PMC10362729), as
listed in reference.md section 4. The maxima sum to 100.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field

from clinic_app.domain.model_base import DomainModel

KUJALA_SOURCE = "Kujala AKPS weights: J Orthop 2023;42:54-62 (PMC10362729)"
KUJALA_MCIC = 10  # Crossley 2004, Arch Phys Med Rehabil 85:815


@dataclass(frozen=True)
class KujalaOption:
    code: str
    label: str
    points: int


@dataclass(frozen=True)
class KujalaItem:
    number: int
    key: str
    title: str
    options: tuple[KujalaOption, ...]

    @property
    def maximum(self) -> int:
        return max(option.points for option in self.options)

    def points_for(self, code: str) -> int:
        return next(option.points for option in self.options if option.code == code)


def _item(number: int, key: str, title: str, *options: tuple[str, str, int]) -> KujalaItem:
    return KujalaItem(number, key, title, tuple(KujalaOption(*option) for option in options))


KUJALA_ITEMS: tuple[KujalaItem, ...] = (
    _item(1, "limp", "Limp",
          ("none", "None", 5), ("slight_or_periodical", "Slight or periodical", 3),
          ("constant", "Constant", 0)),
    _item(2, "support", "Support",
          ("full_without_pain", "Full support without pain", 5), ("painful", "Painful", 3),
          ("impossible", "Weight bearing impossible", 0)),
    _item(3, "walking", "Walking",
          ("unlimited", "Unlimited", 5), ("more_than_2km", "More than 2 km", 3),
          ("1_to_2km", "1-2 km", 2), ("unable", "Unable", 0)),
    _item(4, "stairs", "Stairs",
          ("no_difficulty", "No difficulty", 10),
          ("slight_pain_descending", "Slight pain when descending", 8),
          ("pain_descending_and_ascending", "Pain both when descending and ascending", 5),
          ("unable", "Unable", 0)),
    _item(5, "squatting", "Squatting",
          ("no_difficulty", "No difficulty", 5),
          ("repeated_painful", "Repeated squatting painful", 4),
          ("painful_each_time", "Painful each time", 3),
          ("partial_weight_bearing", "Possible with partial weight bearing", 2),
          ("unable", "Unable", 0)),
    _item(6, "running", "Running",
          ("no_difficulty", "No difficulty", 10),
          ("pain_after_2km", "Pain after more than 2 km", 8),
          ("slight_pain_from_start", "Slight pain from start", 6),
          ("severe_pain", "Severe pain", 3), ("unable", "Unable", 0)),
    _item(7, "jumping", "Jumping",
          ("no_difficulty", "No difficulty", 10), ("slight_difficulty", "Slight difficulty", 7),
          ("constant_pain", "Constant pain", 2), ("unable", "Unable", 0)),
    _item(8, "prolonged_sitting", "Prolonged sitting with knees flexed",
          ("no_difficulty", "No difficulty", 10), ("pain_after_exercise", "Pain after exercise", 8),
          ("constant_pain", "Constant pain", 6),
          ("forced_to_extend", "Pain forces to extend knees temporarily", 4),
          ("unable", "Unable", 0)),
    _item(9, "pain", "Pain",
          ("none", "None", 10), ("slight_occasional", "Slight and occasional", 8),
          ("interferes_with_sleep", "Interferes with sleep", 6),
          ("occasionally_severe", "Occasionally severe", 3),
          ("constant_and_severe", "Constant and severe", 0)),
    _item(10, "swelling", "Swelling",
          ("none", "None", 10), ("after_severe_exertion", "After severe exertion", 8),
          ("after_daily_activities", "After daily activities", 6),
          ("every_evening", "Every evening", 4), ("constant", "Constant", 0)),
    _item(11, "subluxations", "Abnormal painful kneecap movements (subluxations)",
          ("none", "None", 10),
          ("occasionally_in_sports", "Occasionally in sports activities", 6),
          ("occasionally_in_daily_activities", "Occasionally in daily activities", 4),
          ("one_documented_dislocation", "At least one documented dislocation", 2),
          ("more_than_2_dislocations", "More than 2 dislocations", 0)),
    _item(12, "thigh_atrophy", "Atrophy of thigh",
          ("none", "None", 5), ("slight", "Slight", 3), ("severe", "Severe", 0)),
    _item(13, "flexion_deficiency", "Flexion deficiency",
          ("none", "None", 5), ("slight", "Slight", 3), ("severe", "Severe", 0)),
)

KUJALA_BY_KEY = {item.key: item for item in KUJALA_ITEMS}


def _answer(key: str) -> Any:
    """A not-assessed-by-default answer whose codes carry the questionnaire's wording."""
    item = KUJALA_BY_KEY[key]
    return Field(
        default=None, title=f"{item.number}. {item.title} (max {item.maximum})",
        json_schema_extra={"option_labels": {option.code: option.label
                                             for option in item.options}},
    )


def _codes(key: str) -> Any:
    return Literal[tuple(option.code for option in KUJALA_BY_KEY[key].options)]  # type: ignore[valid-type]


class KujalaAnswers(DomainModel):
    limp: _codes("limp") | None = _answer("limp")  # type: ignore[valid-type]
    support: _codes("support") | None = _answer("support")  # type: ignore[valid-type]
    walking: _codes("walking") | None = _answer("walking")  # type: ignore[valid-type]
    stairs: _codes("stairs") | None = _answer("stairs")  # type: ignore[valid-type]
    squatting: _codes("squatting") | None = _answer("squatting")  # type: ignore[valid-type]
    running: _codes("running") | None = _answer("running")  # type: ignore[valid-type]
    jumping: _codes("jumping") | None = _answer("jumping")  # type: ignore[valid-type]
    prolonged_sitting: _codes("prolonged_sitting") | None = _answer("prolonged_sitting")  # type: ignore[valid-type]
    pain: _codes("pain") | None = _answer("pain")  # type: ignore[valid-type]
    swelling: _codes("swelling") | None = _answer("swelling")  # type: ignore[valid-type]
    subluxations: _codes("subluxations") | None = _answer("subluxations")  # type: ignore[valid-type]
    thigh_atrophy: _codes("thigh_atrophy") | None = _answer("thigh_atrophy")  # type: ignore[valid-type]
    flexion_deficiency: _codes("flexion_deficiency") | None = _answer("flexion_deficiency")  # type: ignore[valid-type]


@dataclass(frozen=True)
class KujalaScore:
    """Total 0-100 when all 13 items are answered; otherwise the missing items."""

    total: int | None
    partial_sum: int
    missing: tuple[KujalaItem, ...]

    @property
    def complete(self) -> bool:
        return self.total is not None


def score_kujala(answers: KujalaAnswers) -> KujalaScore:
    partial = 0
    missing: list[KujalaItem] = []
    for item in KUJALA_ITEMS:
        code = getattr(answers, item.key)
        if code is None:
            missing.append(item)
        else:
            partial += item.points_for(code)
    return KujalaScore(
        total=None if missing else partial, partial_sum=partial, missing=tuple(missing)
    )
