"""Both PDFs of one assessment against a bare ReportLab document with the same number of pages
and the same pictures, built in the same run with the same embedded font.

The export is timed after warm-up calls, so what the reports keep between exports counts:
the fonts registered once, the paragraph styles, the exercise library, each SVG picture parsed
once (per file version) and the widths of words already measured. A user exporting several
notes in a session gets the same; the first export of a session pays for them once (the bare
document parses its pictures on every call, as a one-off document would). The reports set
ReportLab to write binary streams, process-wide, so the bare document is written that way too.
Product and baseline calls alternate, so a load change on the machine hits both sides alike.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
from svglib.svglib import svg2rlg

from clinic_app.domain.case_file import parse_case
from clinic_app.reports.exports import exercises_folder, export_documents
from clinic_app.reports.fonts import register_fonts
from clinic_app.resources import resource
from tests.benchmarks.measure import Result, Timing


def bare_document(pages: int, pictures: list, font: str) -> bytes:
    style = ParagraphStyle("bare", fontName=font, fontSize=10, leading=13)
    story: list = []
    per_page = -(-len(pictures) // max(pages, 1))
    for page in range(pages):
        # A page of ordinary paragraphs (about 35 lines at 10 pt, room left for a picture),
        # then that page's pictures.
        story.extend(Paragraph(f"Page {page + 1} paragraph {n}: " + "words " * 60, style)
                     for n in range(7))
        story.extend(svg2rlg(str(path)) for path in pictures[page * per_page:(page + 1) * per_page])
        if page < pages - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build(story)
    return buffer.getvalue()


def time_alternately(
    action: Callable[[], object], baseline: Callable[[], object], repeat: int, warmup: int = 3
) -> tuple[Timing, Timing]:
    """Like ``time_calls`` for both, one call of each in turn."""
    for _ in range(warmup):
        action()
        baseline()
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for call, times in ((action, samples[0]), (baseline, samples[1])):
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
    return Timing(tuple(samples[0])), Timing(tuple(samples[1]))


def run(quick: bool) -> list[Result]:
    case = parse_case(resource("demo", "case1.json").read_text(encoding="utf-8"))
    documents = export_documents(case.patient, case.assessment)
    both = (documents.soap_pdf, documents.plan_pdf)
    pages = sum(len(PdfReader(io.BytesIO(data)).pages) for data in both)
    pictures = [exercises_folder() / f"{item.exercise_id}.svg" for item in documents.plan.exercises]
    font = register_fonts()
    repeat = 5 if quick else 15
    measured, baseline = time_alternately(
        lambda: export_documents(case.patient, case.assessment),
        lambda: bare_document(pages, pictures, font),
        repeat,
    )
    return [
        Result(f"SOAP note + rehab plan PDFs, case 1 ({pages} pages, {len(pictures)} pictures)",
               measured, baseline, "bare ReportLab document, same pages/pictures/font",
               "<= 1.5x"),
    ]
