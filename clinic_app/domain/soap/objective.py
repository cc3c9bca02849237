"""O: the examination findings, grouped by exam section, both sides, with derived values.

Abnormal findings, and those a fired rule read (the decisive ones), are shown in full,
abnormal values marked; the other recorded findings are summarised per section as within
normal limits, named with their values; findings not assessed are counted per section at
the end (the strength groups not assessed are named).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.derived import (
    LUNGE_ASYMMETRY_FLAG_CM,
    bmi,
    limb_symmetry_index,
    lunge_asymmetry_cm,
    lunge_asymmetry_deg,
    oxford_deficit,
    percent_body_weight,
    step_down_quality,
    step_down_score,
    torque_per_kg,
    wells_score,
)
from clinic_app.domain.exam_strength import MuscleGroupStrength, StrengthSide
from clinic_app.domain.fields import FieldSpec, Path, get_value, spec_index
from clinic_app.domain.kujala import score_kujala
from clinic_app.domain.model_base import Side
from clinic_app.domain.soap.document import Block, Line, Table
from clinic_app.domain.soap.formatting import is_abnormal, without_side
from clinic_app.domain.value_text import format_value

GENERIC_SECTIONS = ("patellar", "foot_ankle", "gait", "functional", "screens")
NOT_ASSESSED = "not assessed"


@dataclass
class _Rows:
    decisive: frozenset[Path]
    bilateral: list[tuple[str, str, str]] = field(default_factory=list)
    bilateral_marks: set[int] = field(default_factory=set)
    single: list[tuple[str, str]] = field(default_factory=list)
    single_marks: set[int] = field(default_factory=set)
    normal: list[str] = field(default_factory=list)  # "label value"
    negative: list[str] = field(default_factory=list)  # yes/no findings answered "no"
    not_assessed: list[FieldSpec] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)

    def in_full(self, path: Path, abnormal: bool) -> bool:
        return abnormal or without_side(path) in self.decisive


def objective_blocks(
    assessment: Assessment, decisive: frozenset[Path] = frozenset()
) -> tuple[Block, ...]:
    """``decisive``: the findings (paths without side) that fired rules read."""
    blocks = [_body_block(assessment), _strength_block(assessment)]
    not_assessed: list[str] = []
    for section in GENERIC_SECTIONS:
        block, missing = _generic_block(assessment, section, decisive)
        blocks.append(block)
        if missing:
            not_assessed.append(f"{block.heading} {missing}")
    blocks.append(_derived_block(assessment))
    blocks.append(_outcomes_block(assessment))
    if not_assessed:
        blocks.append(Block(None, (
            Line("; ".join(not_assessed) + ".", "Not assessed (findings per section):"),
        )))
    return tuple(blocks)


def _section_specs(section: str) -> list[FieldSpec]:
    return [spec for path, spec in spec_index(Assessment).items() if path[0] == section]


def _label(spec: FieldSpec) -> str:
    sub = tuple(_short(title) for title in spec.group_titles[1:])
    return ": ".join((*sub, spec.title)) if sub else spec.title


def _short(title: str) -> str:
    """A subgroup title without its parenthesised citation, to keep row labels short."""
    return title.split(" (", 1)[0]


def _generic_block(
    assessment: Assessment, section: str, decisive: frozenset[Path]
) -> tuple[Block, int]:
    """The section's block and how many of its findings were not assessed."""
    specs = _section_specs(section)
    heading = specs[0].group_titles[0] if specs and specs[0].group_titles else section
    rows = _Rows(decisive)
    paired: dict[Path, dict[str, FieldSpec]] = {}
    for spec in specs:
        if spec.side:
            paired.setdefault(without_side(spec.path), {})[spec.side] = spec
        else:
            paired.setdefault(spec.path, {})["single"] = spec
    for sides in paired.values():
        if "single" in sides:
            _add_single(rows, assessment, sides["single"])
        else:
            _add_bilateral(rows, assessment, sides["left"], sides["right"])
    items: list[Line | Table] = []
    if rows.bilateral:
        items.append(Table(("Finding", "Left", "Right"), tuple(rows.bilateral),
                           frozenset(rows.bilateral_marks)))
    if rows.single:
        items.append(Table(("Finding", "Result"), tuple(rows.single), frozenset(rows.single_marks)))
    items.extend(rows.notes)
    if rows.normal or rows.negative:
        count = len(rows.normal) + len(rows.negative)
        negative = ["negative: " + _grouped(rows.negative)] if rows.negative else []
        items.append(Line("; ".join([*negative, *rows.normal]) + ".",
                          f"{count} finding{'s' if count > 1 else ''} within normal limits:"))
    if not items:
        items.append(Line("Nothing recorded in this section."))
    return Block(heading, tuple(items)), len(rows.not_assessed)


def _add_single(rows: _Rows, assessment: Assessment, spec: FieldSpec) -> None:
    value = get_value(assessment, spec.path)
    if value is None:
        rows.not_assessed.append(spec)
        return
    if spec.multiline:  # free text can be long: kept out of the table so it can break pages
        rows.notes.append(Line(str(value), f"{_label(spec)}:"))
        return
    text = format_value(value, spec, lower_items=True)
    abnormal = is_abnormal(spec.path, value)
    if not rows.in_full(spec.path, abnormal):
        if value is False:
            rows.negative.append(_negative_name(spec))
        else:
            rows.normal.append(f"{_label(spec).lower()} {text}")
        return
    if abnormal:
        rows.single_marks.add(len(rows.single))
    rows.single.append((_label(spec), text))


def _add_bilateral(rows: _Rows, assessment: Assessment, left: FieldSpec, right: FieldSpec) -> None:
    values = get_value(assessment, left.path), get_value(assessment, right.path)
    if values == (None, None):
        rows.not_assessed.append(left)
        return
    pairs = zip((left, right), values, strict=True)
    abnormal = any(is_abnormal(spec.path, value) for spec, value in pairs)
    cells = tuple(
        NOT_ASSESSED if v is None else format_value(v, left, lower_items=True) for v in values
    )
    if not rows.in_full(left.path, abnormal):
        if all(value is False or value is None for value in values):
            rows.negative.append(_negative_name(left))
        else:
            rows.normal.append(f"{_label(left).lower()} {_both_sides(cells, values)}")
        return
    if abnormal:
        rows.bilateral_marks.add(len(rows.bilateral))
    rows.bilateral.append((_label(left), cells[0], cells[1]))


def _negative_name(spec: FieldSpec) -> str:
    """A yes/no finding's name as read after "negative:" ("McMurray", not "McMurray
    positive")."""
    label = _label(spec)
    return label.removesuffix(" positive").replace(" positive ", " ").lower()


def _grouped(names: list[str]) -> str:
    """"hip screen: a, b; palpation: c" from "hip screen: a", "hip screen: b", "palpation: c"."""
    groups: dict[str, list[str]] = {}
    for name in names:
        group, _, finding = name.rpartition(": ")
        groups.setdefault(group, []).append(finding)
    return "; ".join(
        f"{group}: {', '.join(findings)}" if group else ", ".join(findings)
        for group, findings in groups.items()
    )


def _both_sides(cells: tuple[str, ...], values: tuple[object, object]) -> str:
    if values[0] is not None and cells[0] == cells[1]:
        return f"{cells[0]} both sides"
    return ", ".join(f"{cell} ({side})" for side, cell, value
                     in zip(("left", "right"), cells, values, strict=True) if value is not None)


def _body_block(assessment: Assessment) -> Block:
    body = assessment.history.body
    index = bmi(body.height_cm, body.body_mass_kg)
    parts = [
        f"height {body.height_cm:g} cm" if body.height_cm is not None else "height not recorded",
        f"body mass {body.body_mass_kg:g} kg" if body.body_mass_kg is not None
        else "body mass not recorded",
    ]
    if index is not None:
        parts.append(f"BMI {index:g} kg/m² (derived)")
    # The affected side is in the note's heading.
    return Block(None, (Line("; ".join(parts) + ".", "Body:"),))


def _strength_cell(side: StrengthSide, body_mass: float | None) -> str:
    parts = []
    if side.newtons is not None:
        force = f"{side.newtons:g} N"
        extras = [
            f"{value:g} {unit}" for value, unit in (
                (percent_body_weight(side, body_mass), "%BW"),
                (torque_per_kg(side, body_mass), "Nm/kg"),
            ) if value is not None
        ]
        parts.append(f"{force} ({', '.join(extras)})" if extras else force)
    if side.oxford_grade is not None:
        parts.append(f"Oxford {side.oxford_grade}/5")
    return ", ".join(parts) or NOT_ASSESSED


def _strength_block(assessment: Assessment) -> Block:
    mass = assessment.history.body.body_mass_kg
    rows: list[tuple[str, str, str, str]] = []
    marks: set[int] = set()
    missing: list[str] = []
    fields = type(assessment.strength).model_fields
    titles = {name: info.title or name for name, info in fields.items()}
    for name, strength in assessment.strength.groups().items():
        left, right = (_strength_cell(strength.side(s), mass) for s in (Side.LEFT, Side.RIGHT))
        if left == right == NOT_ASSESSED:
            missing.append(titles[name])
            continue
        lsi_text, deficit = _symmetry(strength, assessment)
        if deficit:
            marks.add(len(rows))
        rows.append((titles[name], left, right, lsi_text))
    items: list[Line | Table] = []
    if rows:
        items.append(Table(("Muscle group", "Left", "Right", "LSI (flag < 90% [D])"), tuple(rows),
                           frozenset(marks)))
    else:
        items.append(Line("Nothing recorded in this section."))
    if missing:
        items.append(Line("; ".join(missing) + ".", "Not assessed:"))
    return Block("Hip and knee strength (hand-held dynamometer or Oxford grade)", tuple(items))


def _symmetry(strength: MuscleGroupStrength, assessment: Assessment) -> tuple[str, bool]:
    lsi = limb_symmetry_index(strength, assessment.affected_side)
    if lsi is not None:
        return f"{lsi.percent:g}% ({lsi.basis})", lsi.deficit
    oxford = oxford_deficit(strength)
    return ("-", bool(oxford))


def _derived_block(assessment: Assessment) -> Block:
    lines: list[Line] = []
    for side in (Side.LEFT, Side.RIGHT):
        score = step_down_score(assessment.functional.step_down.side(side))
        if score is not None:
            lines.append(Line(
                f"{score}/6 ({step_down_quality(score)}; Piva 2006)",
                f"Lateral step-down score, {side.value}:", abnormal=score >= 2,
            ))
    lunge = assessment.foot_ankle.lunge
    cm, deg = lunge_asymmetry_cm(lunge), lunge_asymmetry_deg(lunge)
    if cm is not None or deg is not None:
        text = ", ".join(
            part for part in (
                f"{cm:g} cm" if cm is not None else "", f"{deg:g} deg" if deg is not None else ""
            ) if part
        )
        lines.append(Line(
            f"{text} (flag from 2 cm, product default)", "Lunge asymmetry:",
            abnormal=cm is not None and cm >= LUNGE_ASYMMETRY_FLAG_CM,
        ))
    wells = wells_score(assessment)
    if wells.complete:
        points = wells.known_points
        lines.append(Line(f"{points}", "Wells DVT score:", abnormal=points >= 2))
    elif wells.known_points or len(wells.unassessed) < 10:
        lines.append(Line(
            f"incomplete: {wells.known_points} known point(s), could range "
            f"{wells.minimum_possible} to {wells.maximum_possible} "
            f"({len(wells.unassessed)} item(s) not assessed)",
            "Wells DVT score:", abnormal=wells.maximum_possible >= 2 and wells.known_points >= 2,
        ))
    if not lines:
        lines.append(Line("None: the findings they need were not recorded."))
    return Block("Derived values", tuple(lines))


def _outcomes_block(assessment: Assessment) -> Block:
    outcomes = assessment.outcomes
    lines: list[Line] = []
    kujala = score_kujala(outcomes.kujala)
    entered = outcomes.kujala_entered.total
    if kujala.complete:
        lines.append(Line(f"{kujala.total}/100 (higher is better)", "Kujala AKPS:"))
    elif entered is not None:
        lines.append(Line(f"{entered}/100 (higher is better; total as entered, items "
                          "incomplete)", "Kujala AKPS:"))
    elif len(kujala.missing) < 13:
        missing = ", ".join(item.title.lower() for item in kujala.missing)
        lines.append(Line(f"no total: items unanswered ({missing})", "Kujala AKPS:"))
    else:
        lines.append(Line("not assessed", "Kujala AKPS:"))
    koos = outcomes.koos_pf
    if koos.total is not None:
        when = f" on {koos.completed_on.isoformat()}" if koos.completed_on else ""
        lines.append(Line(f"{koos.total:g}/100{when}", "KOOS-PF:"))
    if outcomes.pain.worst_vas_mm is not None:
        lines.append(Line(f"{outcomes.pain.worst_vas_mm:g} mm", "Worst pain (VAS):"))
    return Block("Outcome measures", tuple(lines))
