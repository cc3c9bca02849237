"""The SOAP note as a PDF for the record."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from clinic_app.domain.soap.document import Block, Line, SoapNote, SoapSection
from clinic_app.domain.soap.document import Table as NoteTable
from clinic_app.reports.letterhead import Letterhead
from clinic_app.reports.markup import bold, labelled, para
from clinic_app.reports.page import ACCENT, MARGIN, PAGE_WIDTH, PageFrame
from clinic_app.reports.pdf_build import render_pdf
from clinic_app.reports.styles import Styles, note_styles, table_style

CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
MARK = "▲ "  # abnormal values: red text with this mark, so it survives black-and-white printing
GRID = colors.HexColor("#c5ccd3")
HEADER_FILL = colors.HexColor("#e8eef4")


def soap_frame(note: SoapNote, letterhead: Letterhead) -> PageFrame:
    return PageFrame(
        letterhead=letterhead,
        document_title="SOAP note - anterior knee pain assessment",
        patient_line=f"Patient: {note.patient.one_line}",
        clinician_line=(
            f"Clinician: {note.clinician or 'not recorded'} - "
            f"assessment of {note.assessment_date.isoformat()}"
        ),
        draft=not note.signed,
    )


def build_soap_pdf(note: SoapNote, letterhead: Letterhead) -> bytes:
    styles = note_styles()
    story: list[Flowable] = [*_heading(note, styles)]
    for section in note.sections:
        story.extend(_section(section, styles))
    story.extend(_record_trail(note, styles))
    story.extend(_provenance(note, styles))
    return render_pdf(story, soap_frame(note, letterhead))


def _heading(note: SoapNote, styles: Styles) -> list[Flowable]:
    patient = note.patient
    rows = [
        ("Patient", patient.name),
        ("Born", f"{patient.date_of_birth.isoformat()} ({patient.age} years), {patient.sex}"),
        ("Identifier", patient.identifier or "-"),
        ("Assessment date", note.assessment_date.isoformat()),
        ("Clinician", note.clinician or "not recorded"),
        ("Affected side", note.affected_side),
        ("Status", "Signed" if note.signed else "DRAFT - not signed"),
        ("Decision rules", f"rule set {note.rule_set_version}"),
    ]
    table = Table(
        [[bold(key, styles.cell), para(value, styles.cell)] for key, value in rows],
        colWidths=[35 * mm, CONTENT_WIDTH - 35 * mm],
    )
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return [para("SOAP note", styles.title), table]


def _section(section: SoapSection, styles: Styles) -> list[Flowable]:
    flowables: list[Flowable] = [para(f"{section.letter} - {section.title}", styles.section)]
    for block in section.blocks:
        flowables.extend(_block(block, styles))
    if section.clinician_text and section.clinician_text.strip():
        flowables.append(para("Clinician's notes", styles.heading))
        flowables.append(para(section.clinician_text, styles.body))
    return flowables


def _block(block: Block, styles: Styles) -> list[Flowable]:
    items: list[Flowable] = []
    for item in block.items:
        items.append(_line(item, styles) if isinstance(item, Line) else _table(item, styles))
    if block.heading:
        head = para(block.heading, styles.heading)
        if items:  # keep a heading with its first item
            return [KeepTogether([head, items[0]]), *items[1:]]
        return [head]
    return items


def _line(line: Line, styles: Styles) -> Flowable:
    if line.abnormal:
        return labelled(MARK + (line.label or ""), line.text, styles.abnormal)
    return labelled(line.label, line.text, styles.body)


def _table(table: NoteTable, styles: Styles) -> Flowable:
    columns = len(table.header)
    first = 62 * mm if columns > 2 else 95 * mm
    widths = [first] + [(CONTENT_WIDTH - first) / (columns - 1)] * (columns - 1)
    data = [[bold(title, styles.cell) for title in table.header]]
    for index, row in enumerate(table.rows):
        abnormal = index in table.abnormal_rows
        style = styles.cell_abnormal if abnormal else styles.cell
        cells = [para((MARK if abnormal and i == 0 else "") + text, style)
                 for i, text in enumerate(row)]
        data.append(cells)
    flowable = Table(data, colWidths=widths, repeatRows=1)
    flowable.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
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
    if trail.addenda:
        flowables.append(para("Addenda (corrections after signing)", styles.heading))
        for addendum in trail.addenda:
            stamp = addendum.created_at.strftime("%Y-%m-%d %H:%M UTC")
            flowables.append(labelled(f"{stamp}, {addendum.author_name}:", addendum.text,
                                      styles.body))
    return flowables


def _provenance(note: SoapNote, styles: Styles) -> list[Flowable]:
    flowables: list[Flowable] = [
        Spacer(1, 4 * mm),
        para("Rule set, sources and defaults", styles.section),
        labelled("Decision rule set version:", note.rule_set_version, styles.small),
        labelled(
            "Decision support:",
            "hints are offered for the clinician to weigh; the product does not diagnose.",
            styles.small,
        ),
        para("Sources", styles.heading),
    ]
    flowables.extend(para(f"• {source}", styles.small) for source in note.sources)
    flowables.append(para("Product defaults [D] used in this note (editable)", styles.heading))
    flowables.extend(para(f"• {text}", styles.small) for text in note.defaults)
    return flowables
