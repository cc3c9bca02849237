"""The SOAP note as plain text, for pasting into another record system."""

from __future__ import annotations

import textwrap

from clinic_app.domain.control_characters import printable
from clinic_app.domain.soap.document import Line, SoapNote, SoapSection, Table

WIDTH = 90


def soap_plain_text(note: SoapNote) -> str:
    out: list[str] = [
        "SOAP NOTE" + ("" if note.signed else " (DRAFT - not signed)"),
        f"Patient: {note.patient.one_line}",
        f"Assessment date: {note.assessment_date.isoformat()}",
        f"Clinician: {note.clinician or 'not recorded'}",
        f"Affected side: {note.affected_side}",
        f"Decision rule set: {note.rule_set_version}",
    ]
    for section in note.sections:
        out += ["", f"{section.letter} - {section.title.upper()}"]
        out += generated_lines(section)
        if section.clinician_text and section.clinician_text.strip():
            out.append("Clinician's notes:")
            out.extend(section.clinician_text.strip().splitlines())
    out += _trail(note)
    out += ["", "Sources:"] + [f"- {source}" for source in note.sources]
    out += ["Product defaults used (editable):"] + [f"- {text}" for text in note.defaults]
    return printable("\n".join(out) + "\n")


def generated_lines(section: SoapSection, width: int = WIDTH) -> list[str]:
    """The section's generated part as printed (the clinician's own words follow it),
    lines wrapped at ``width`` characters."""
    out: list[str] = []
    for block in section.blocks:
        if block.heading:
            out.append(f"{block.heading}:")
        for item in block.items:
            out.extend(_line(item, width) if isinstance(item, Line) else _table(item))
    return out


def _trail(note: SoapNote) -> list[str]:
    trail = note.trail
    if trail is None:
        return []
    out: list[str] = []
    if trail.signature is not None:
        signature = trail.signature
        out += ["", "SIGNATURE",
                f"  Signed by {signature.signer_name} at "
                f"{signature.signed_at.strftime('%Y-%m-%d %H:%M:%S UTC')}"]
        if signature.submitter_name:
            out.append(f"  Written by {signature.submitter_name} (student)")
        out.append(f"  Content SHA-256: {signature.content_hash}")
        if trail.witness is not None:
            out.append(f"  Audit trail witness: {trail.witness}")
    if trail.addenda:
        out += ["", "ADDENDA"]
        for addendum in trail.addenda:
            stamp = addendum.created_at.strftime("%Y-%m-%d %H:%M UTC")
            out += textwrap.wrap(f"{stamp}, {addendum.author_name}: {addendum.text}", WIDTH,
                                 initial_indent="  ", subsequent_indent="    ")
    return out


def _line(line: Line, width: int = WIDTH) -> list[str]:
    mark = "! " if line.abnormal else ""
    text = f"{mark}{line.label + ' ' if line.label else ''}{line.text}"
    return textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="    ") or [""]


def _table(table: Table) -> list[str]:
    lines = []
    for index, row in enumerate(table.rows):
        mark = "! " if index in table.abnormal_rows else ""
        pairs = zip(table.header[1:], row[1:], strict=True)
        values = " | ".join(
            f"{title if title.isupper() else title.lower()} {value}" for title, value in pairs
        )
        lines.append(f"  {mark}{row[0]}: {values}")
    return lines
