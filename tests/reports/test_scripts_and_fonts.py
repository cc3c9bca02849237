"""Every character prints: fallback fonts for Chinese and emoji, warnings naming a character no
font has, headers and footers wrapped or shortened between words, never cut mid-identifier."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.units import mm

from clinic_app.domain.case_file import CaseFile
from clinic_app.domain.letterhead import Letterhead
from clinic_app.domain.soap.document import PatientIdentity
from clinic_app.reports.canvas_text import ELLIPSIS, text_width, wrap_lines
from clinic_app.reports.cells import cell
from clinic_app.reports.exports import ExportedDocuments, export_documents
from clinic_app.reports.font_runs import font_runs
from clinic_app.reports.fonts import REGULAR, fallback_fonts, glyphs
from clinic_app.reports.page import MARGIN, PAGE_WIDTH
from clinic_app.reports.paragraphs import labelled, para
from clinic_app.reports.pdf_build import BOTTOM_MARGIN, render_pdf
from clinic_app.reports.plan_pdf import plan_frame
from clinic_app.reports.styles import note_styles, plan_styles
from clinic_app.reports.text_block import TextBlock
from clinic_app.resources import resource
from tests.reports.report_pdf_reading import pdf_text, squash

FAMILY, GIVEN = "张", "伟明"  # Zhang Weiming
EMOJI = "🏃💪"  # runner, flexed biceps: in Symbola, not in DejaVu
PRIVATE_USE, UNASSIGNED = "\U000f0000", "\u0378"
# 120 characters: words joined by hyphens, as health-service identifiers often are
LONG_IDENTIFIER = "-".join(["NORTHWEST", "REGIONAL", "HEALTH", "SERVICE", "ORTHOPAEDIC",
                            "OUTPATIENTS", "KNEE", "CLINIC", "REFERRAL", "2025", "000123456789",
                            "A7F3", "RIVERSIDE", "0042"]).ljust(120, "X")


def _export(case: CaseFile, subjective: str) -> ExportedDocuments:
    patient = case.patient.model_copy(update={"family_name": FAMILY, "given_names": GIVEN})
    text = case.assessment.soap_text.model_copy(update={"subjective": subjective})
    assessment = case.assessment.model_copy(update={"soap_text": text})
    return export_documents(patient, assessment)


def _font_names(data: bytes) -> set[str]:
    """The base font names every page's resources list, subset prefix removed."""
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_the_fallback_fonts_are_found() -> None:
    assert fallback_fonts() == ("FallbackCJK", "FallbackSymbols"), (
        "install Debian's fonts-droid-fallback and fonts-symbola (see .ci/run)"
    )


def test_a_chinese_name_and_emoji_print_in_the_fallback_fonts(case1: CaseFile) -> None:
    documents = _export(case1, f"Runs to work daily {EMOJI} and wants to keep running.")
    assert documents.warnings == ()
    soap, plan = pdf_text(documents.soap_pdf), pdf_text(documents.plan_pdf)
    for text in (soap, plan):
        assert FAMILY in text and GIVEN in text
    # ReportLab maps characters beyond U+FFFF wrongly for copying (its ToUnicode map), so
    # the emoji are checked by their font, and by eye (README).
    assert "Runs to work daily" in soap and "and wants to keep running." in soap
    assert {"DejaVuSans", "DroidSansFallback", "Symbola"} <= _font_names(documents.soap_pdf)
    assert "DroidSansFallback" in _font_names(documents.plan_pdf)


def test_all_latin_text_needs_no_fallback_font(case1: CaseFile) -> None:
    documents = export_documents(case1.patient, case1.assessment)
    assert _font_names(documents.soap_pdf) == {"DejaVuSans", "DejaVuSans-Bold"}
    assert documents.warnings == ()


def test_a_character_in_no_font_is_named_in_a_warning(case1: CaseFile) -> None:
    documents = _export(case1, f"Marked {PRIVATE_USE} here and {UNASSIGNED} there.")
    assert documents.warnings == (
        "U+0378 UNASSIGNED CODE POINT in assessment.soap_text.subjective is in no available "
        "font: printed as a box",
        "U+F0000 PRIVATE USE CHARACTER in assessment.soap_text.subjective is in no available "
        "font: printed as a box",
    )
    assert "Marked" in pdf_text(documents.soap_pdf)  # the rest of the text still prints


def test_right_to_left_letters_print_with_a_warning(case1: CaseFile) -> None:
    documents = _export(case1, "Prefers the name שרה at home.")
    assert documents.warnings == (
        "assessment.soap_text.subjective: right-to-left letters (e.g. U+05E9 HEBREW LETTER "
        "SHIN) are printed left to right and unjoined: check the PDF reads correctly",
    )


def test_the_cli_prints_each_warning_on_one_line_and_exits_zero(tmp_path: Path) -> None:
    case = json.loads(resource("demo", "case1.json").read_text(encoding="utf-8"))
    case["patient"].update(family_name=FAMILY, given_names=GIVEN)
    case["assessment"].setdefault("soap_text", {})["subjective"] = f"Notes {PRIVATE_USE}"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    soap = tmp_path / "soap.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "clinic_app", "export", "--case", str(path), "--soap", str(soap)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
        env={**os.environ, "CLINIC_APP_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "export: warning: U+F0000 PRIVATE USE CHARACTER in assessment.soap_text.subjective is "
        "in no available font: printed as a box",
    ]
    assert FAMILY + ", " + GIVEN in pdf_text(soap.read_bytes())


def test_a_long_word_wraps_after_a_separator_and_loses_nothing() -> None:
    text = f"For: {FAMILY} {GIVEN}, born 1990-01-01 (35 y), ID {LONG_IDENTIFIER}"
    lines = wrap_lines(text, REGULAR, 8, 250, max_lines=4)
    assert len(lines) > 2
    assert all(text_width(line, REGULAR, 8) <= 250 for line in lines)
    assert squash("".join(lines)) == squash(text)
    assert all(line.endswith(("-", ",", "ID")) for line in lines[:-1]), lines


def test_text_beyond_the_lines_ends_in_an_ellipsis_after_a_whole_word() -> None:
    text = "Riverside Sports Physiotherapy and Rehabilitation Centre of the Northern Districts"
    [line] = wrap_lines(text, REGULAR, 8, 150, max_lines=1)
    assert line.endswith(" " + ELLIPSIS) and text_width(line, REGULAR, 8) <= 150
    assert text.startswith(line.removesuffix(" " + ELLIPSIS) + " ")


def _footer_lines(data: bytes) -> list[tuple[float, float, str]]:
    """(x, baseline, text) of what is drawn below the page frame on page 1, top to bottom."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list, tm: list, *_: object) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y < BOTTOM_MARGIN - 4 * mm:
            found.append((x, y, text.strip()))

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return sorted(found, key=lambda item: (-item[1], item[0]))


def test_the_plan_footer_wraps_a_120_character_identifier_between_words() -> None:
    patient = PatientIdentity(f"{FAMILY}, {GIVEN}", date(1990, 1, 1), 35, "female",
                              LONG_IDENTIFIER)
    clinician = "Dr Alexandra Konstantinopoulou-Vanderberg, registration no. PHY-00012345"
    frame = plan_frame(patient, clinician, date(2025, 3, 10), Letterhead("Riverside Physio"),
                       draft=False)
    data = render_pdf([para("Body", plan_styles().body)], frame)
    lines = [text for _, _, text in _footer_lines(data) if not text.startswith("Page ")]
    footer = " ".join(lines)
    patient_part = squash(footer[footer.index("ID "):footer.index("From:")])
    # Wrapped after a hyphen, then shortened with an ellipsis after a whole part.
    assert patient_part.endswith("-" + ELLIPSIS), footer
    assert LONG_IDENTIFIER.startswith(patient_part.removeprefix("ID").removesuffix(ELLIPSIS))
    assert len(patient_part) > 60
    assert clinician in footer  # the clinician line, whole on the line left for it
    right_edge = PAGE_WIDTH - MARGIN
    for x, _, text in _footer_lines(data):
        if not text.startswith("Page "):
            assert x + text_width(text, REGULAR, 8) < right_edge - 30, text


def test_a_table_cell_with_a_chinese_name_is_a_paragraph_in_the_fallback_font() -> None:
    style = note_styles().cell
    assert cell("Hartley, Emma", style, 200) == "Hartley, Emma"  # plain string: the fast path
    chinese = cell(f"{FAMILY}, {GIVEN}", style, 200)
    assert isinstance(chinese, TextBlock)
    assert [font for _, font in chinese.runs] == ["FallbackCJK", style.fontName, "FallbackCJK"]


def test_text_with_line_breaks_is_escaped_run_by_run() -> None:
    styles = note_styles()
    story = [labelled("名字:", f"{FAMILY} <b> & {GIVEN}\n第二行 {EMOJI} end", styles.body)]
    frame = plan_frame(PatientIdentity("X", date(2000, 1, 1), 25, "female", None), "",
                       date(2025, 1, 1), Letterhead("Clinic"), draft=False)
    text = pdf_text(render_pdf(story, frame))
    assert f"名字: {FAMILY} <b> & {GIVEN}" in text and "第二行" in text and "end" in text


@given(st.text(alphabet=st.sampled_from("ab -:\n张伟明🏃שé\U000f0000\u0378"), max_size=30))
def test_runs_keep_every_character_each_in_a_font_that_has_it(text: str) -> None:
    runs = font_runs(text, REGULAR)
    assert "".join(run for run, _ in runs) == text
    for run, font in runs:
        assert all(char in glyphs(font) or char.isspace() or char in (PRIVATE_USE, UNASSIGNED)
                   for char in run), (run, font)
