"""Exercise pictures are drawn once per file version and size, then copied into each plan:
the plan is byte for byte what drawing them every time gives, and an edited picture is
drawn afresh."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from clinic_app.domain.case_file import parse_case
from clinic_app.reports import illustrations
from clinic_app.reports.exports import exercises_folder, export_documents
from clinic_app.reports.illustrations import Illustration
from clinic_app.resources import resource


def plan_of_case(number: int) -> bytes:
    case = parse_case(resource("demo", f"case{number}.json").read_text(encoding="utf-8"))
    return export_documents(case.patient, case.assessment).plan_pdf


def test_copied_pictures_give_the_same_plan_as_drawn_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for number in (1, 2):
        first, again = plan_of_case(number), plan_of_case(number)  # the second copies
        monkeypatch.setattr(illustrations, "_operators", lambda *_: None)  # draw each time
        drawn = plan_of_case(number)
        monkeypatch.undo()
        assert first == again == drawn
        assert len(PdfReader(io.BytesIO(first)).pages) >= 1


def test_an_edited_picture_is_drawn_again(tmp_path: Path) -> None:
    source = next(exercises_folder().glob("*.svg"))
    picture = tmp_path / "picture.svg"
    shutil.copyfile(source, picture)
    before = illustrations._operators(picture, picture.stat().st_mtime_ns, 0.5)
    picture.write_text(source.read_text(encoding="utf-8").replace("<svg", "<svg opacity='1'"),
                       encoding="utf-8")
    os.utime(picture, ns=(picture.stat().st_atime_ns, picture.stat().st_mtime_ns + 10**9))
    flowable = Illustration(picture, 100)
    assert flowable.modified == picture.stat().st_mtime_ns
    after = illustrations._operators(picture, flowable.modified, 0.5)
    assert before is not None and after is not None and after is not before
