"""Choice labels belong to their enum: two enums sharing a code never share a wording."""

from __future__ import annotations

from clinic_app.domain.model_base import Choice, relabel


class FirstKind(Choice):
    OTHER = "other"


class SecondKind(Choice):
    OTHER = "other"


def test_relabelling_one_enum_leaves_another_with_the_same_code_alone() -> None:
    relabel({FirstKind.OTHER: "Something else entirely"})
    assert FirstKind.OTHER.label == "Something else entirely"
    assert SecondKind.OTHER.label == "Other"
