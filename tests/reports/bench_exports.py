"""Benchmark (issue 4): both PDFs of one assessment, median, against a bare ReportLab build
with the same number of pages and pictures made in the same run.

Run: .venv/bin/python tests/reports/bench_exports.py
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
from svglib.svglib import svg2rlg

sys.path.insert(0, str(Path(__file__).parent))

from conftest import load_case

from clinic_app.reports.exports import exercises_folder, export_documents
from clinic_app.reports.fonts import register_fonts

RUNS = 15


def bare_document(pages: int, pictures: list[Path], font: str = "Helvetica") -> bytes:
    style = ParagraphStyle("bare", parent=getSampleStyleSheet()["Normal"], fontName=font)
    story: list = []
    per_page = -(-len(pictures) // max(pages, 1))
    for page in range(pages):
        story.append(Paragraph(f"Page {page + 1} " + "text " * 400, style))
        for path in pictures[page * per_page:(page + 1) * per_page]:
            story.append(svg2rlg(str(path)))
        if page < pages - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build(story)
    return buffer.getvalue()


def median_seconds(job) -> float:
    job()
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        job()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    case = load_case(1)
    documents = export_documents(case.patient, case.assessment)
    both = (documents.soap_pdf, documents.plan_pdf)
    pages = sum(len(PdfReader(io.BytesIO(data)).pages) for data in both)
    pictures = [exercises_folder() / f"{item.exercise_id}.svg" for item in documents.plan.exercises]
    ours = median_seconds(lambda: export_documents(case.patient, case.assessment))
    bare = median_seconds(lambda: bare_document(pages, pictures))
    dejavu = register_fonts()
    bare_dejavu = median_seconds(lambda: bare_document(pages, pictures, dejavu))
    print(f"both PDFs: {ours * 1000:.0f} ms median ({pages} pages, {len(pictures)} pictures)")
    print(f"bare ReportLab, same pages and pictures, Helvetica: {bare * 1000:.0f} ms "
          f"(ratio {ours / bare:.2f})")
    print(f"bare ReportLab, same pages and pictures, DejaVu: {bare_dejavu * 1000:.0f} ms "
          f"(ratio {ours / bare_dejavu:.2f})")


if __name__ == "__main__":
    main()
