"""The SOAP note as a PDF for the record."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from clinic_app.domain.letterhead import Letterhead
from clinic_app.domain.soap.document import Line, SoapNote, SoapSection
from clinic_app.domain.soap.document import Table as NoteTable
from clinic_app.reports.cells import cell, cell_look
from clinic_app.reports.grid import Grid
from clinic_app.reports.keep import keep_headings
from clinic_app.reports.page import ACCENT, MARGIN, PAGE_WIDTH, PageFrame
from clinic_app.reports.paragraphs import labelled, para
from clinic_app.reports.pdf_build import render_pdf
from clinic_app.reports.styles import Styles, note_styles, table_style

CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
MARK = "▲ "  # abnormal values: red text with this mark, so it survives black-and-white printing
GRID = colors.HexColor("#c5ccd3")
HEADER_FILL = colors.HexColor("#e8eef4")
COLUMN_WIDTHS = {
    2: [120 * mm, CONTENT_WIDTH - 120 * mm],
    3: [90 * mm, (CONTENT_WIDTH - 90 * mm) / 2, (CONTENT_WIDTH - 90 * mm) / 2],
    4: [45 * mm, 38 * mm, 38 * mm, CONTENT_WIDTH - 121 * mm],  # strength, with the LSI
}
START_ROWS = 2  # rows of a table that must fit below its heading, besides the header


def soap_frame(note: SoapNote, letterhead: Letterhead) -> PageFrame:
    return PageFrame(
        letterhead=letterhead,
        document_title="SOAP note - anterior knee pain assessment",
        patient_line=f"Patient: {note.patient.one_line}",
        clinician_line=(
            f"Clinician: {clinician_rows(note, letterhead)[0][1]} - "
            f"assessment of {note.assessment_date.isoformat()}"
        ),
        draft=not note.signed,
    )


def clinician_rows(note: SoapNote, letterhead: Letterhead) -> list[tuple[str, str]]:
    """Who assessed, with the registration number when it is the letterhead's clinician;
    another clinician's assessment names the clinic's clinician on a row of its own."""
    if letterhead.names(note.clinician):
        return [("Clinician", letterhead.clinician_line)]
    rows = [("Clinician", note.clinician.strip() or "not recorded")]
    if letterhead.clinician_line:
        rows.append(("Clinic's clinician", letterhead.clinician_line))
    return rows


def build_soap_pdf(note: SoapNote, letterhead: Letterhead) -> bytes:
    styles = note_styles()
    story: list[Flowable] = [*_heading(note, styles, letterhead)]
    for section in note.sections:
        story.extend(_section(section, styles))
    story.extend(_record_trail(note, styles))
    story.extend(_provenance(note, styles))
    story = keep_headings(story, (styles.section, styles.heading))
    return render_pdf(story, soap_frame(note, letterhead))


def _heading(note: SoapNote, styles: Styles, letterhead: Letterhead) -> list[Flowable]:
    patient = note.patient
    rows = [
        ("Patient", patient.name),
        ("Born", f"{patient.date_of_birth.isoformat()} ({patient.age} years), {patient.sex}"),
        ("Identifier", patient.identifier or "-"),
        ("Assessment date", note.assessment_date.isoformat()),
        *clinician_rows(note, letterhead),
        ("Affected side", note.affected_side),
        ("Status", "Signed" if note.signed else "DRAFT - not signed"),
        ("Decision rules", f"rule set {note.rule_set_version}"),
    ]
    # Two facts a row: half the height of one a row.
    key_width, value_width = 34 * mm, CONTENT_WIDTH / 2 - 34 * mm
    widths = [key_width, value_width] * 2
    cells = [[cell(key, styles.cell_bold, key_width), cell(value, styles.cell, value_width)]
             for key, value in rows]
    table = Grid(
        [cells[index] + (cells[index + 1] if index + 1 < len(cells) else ["", ""])
         for index in range(0, len(cells), 2)],
        colWidths=widths,
    )
    table.setStyle(table_style([
        *cell_look(styles.cell, (1, 0), (1, -1)),
        *cell_look(styles.cell, (3, 0), (3, -1)),
        *cell_look(styles.cell_bold, (0, 0), (0, -1)),
        *cell_look(styles.cell_bold, (2, 0), (2, -1)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return [para("SOAP note", styles.title), table]


def _section(section: SoapSection, styles: Styles) -> list[Flowable]:
    flowables: list[Flowable] = [para(f"{section.letter} - {section.title}", styles.section)]
    for block in section.blocks:
        if block.heading:
            flowables.append(para(block.heading, styles.heading))
        flowables.extend(_line(item, styles) if isinstance(item, Line) else _table(item, styles)
                         for item in block.items)
    if section.clinician_text and section.clinician_text.strip():
        flowables.append(para("Clinician's notes", styles.heading))
        flowables.append(para(section.clinician_text, styles.body))
    return flowables


def _line(line: Line, styles: Styles) -> Flowable:
    if line.abnormal:
        return labelled(MARK + (line.label or ""), line.text, styles.abnormal)
    return labelled(line.label, line.text, styles.body)


def _table(table: NoteTable, styles: Styles) -> Grid:
    """The table; its header and first rows are what its heading needs below it."""
    flowable = _grid(table, len(table.rows), styles)
    flowable.keep_start = _grid(table, START_ROWS, styles)
    return flowable


def _grid(table: NoteTable, rows: int, styles: Styles) -> Grid:
    """The header and the first ``rows`` rows of ``table``."""
    columns = len(table.header)
    widths = COLUMN_WIDTHS.get(columns) or [62 * mm] + [
        (CONTENT_WIDTH - 62 * mm) / (columns - 1)
    ] * (columns - 1)
    # A finding-and-result table reads without its header row; a left-and-right one needs it.
    header = columns > 2
    data = [[cell(title, styles.cell_bold, width)
             for title, width in zip(table.header, widths, strict=True)]] if header else []
    looks = [*cell_look(styles.cell, (0, int(header)), (-1, -1)),
             *cell_look(styles.cell_bold, (0, 0), (-1, 0))] if header else [
        *cell_look(styles.cell, (0, 0), (-1, -1))]
    for index, row in enumerate(table.rows[:rows], start=int(header)):
        abnormal = index - int(header) in table.abnormal_rows
        style = styles.cell_abnormal if abnormal else styles.cell
        texts = [MARK + row[0], *row[1:]] if abnormal else row
        data.append([cell(text, style, width) for text, width in zip(texts, widths, strict=True)])
        if abnormal:
            looks += cell_look(style, (0, index), (-1, index))
    flowable = Grid(data, colWidths=widths, repeatRows=int(header))
    flowable.setStyle(table_style([
        *looks,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *([("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)] if header else []),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return flowable


def _record_trail(note: SoapNote, styles: Styles) -> list[Flowable]:
    """Signer, time and SHA-256 of the signed content, then every addendum in order."""
    trail = note.trail
    if trail is None or (trail.signature is None and not trail.addenda):
        return []
    flowables: list[Flowable] = [Spacer(1, 4 * mm), para("Signature", styles.section)]
    signature = trail.signature
    if signature is not None:
        flowables.append(labelled("Signed by:", signature.signer_name, styles.body))
        if signature.submitter_name:
            flowables.append(labelled(
                "Written by:", f"{signature.submitter_name} (student), co-signed by the "
                "supervisor above", styles.body,
            ))
        flowables.append(labelled(
            "Signed at:", signature.signed_at.strftime("%Y-%m-%d %H:%M:%S UTC"), styles.body
        ))
        flowables.append(labelled("Content SHA-256:", signature.content_hash, styles.small))
        if trail.witness is not None:
            flowables.append(labelled(
                "Audit trail witness:", f"{trail.witness} (check with 'clinic-app audit verify "
                "--witness' and this value)", styles.small,
            ))
    if trail.addenda:
        flowables.append(para("Addenda (corrections after signing)", styles.heading))
        for addendum in trail.addenda:
            stamp = addendum.created_at.strftime("%Y-%m-%d %H:%M UTC")
            flowables.append(labelled(f"{stamp}, {addendum.author_name}:", addendum.text,
                                      styles.body))
    return flowables


def _provenance(note: SoapNote, styles: Styles) -> list[Flowable]:
    flowables: list[Flowable] = [
        labelled(
            "Decision rule set version:",
            f"{note.rule_set_version}. Hints are offered for the clinician to weigh; the product "
            "does not diagnose.",
            styles.small,
        ),
        labelled("Sources:", "; ".join(note.sources), styles.small),
        labelled("Product defaults [D] used in this note (editable):", " ".join(note.defaults),
                 styles.small),
    ]
    return flowables
