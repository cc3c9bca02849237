"""The signed note shows the signer, the time, the SHA-256 and the addenda."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from clinic_app.app import Services
from clinic_app.cli import main
from clinic_app.domain.records.audit import EntityType
from tests.records.helpers import started_draft


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_and_text_of_a_signed_note_carry_the_trail(
    services: Services, database_url: str, tmp_path: Path
) -> None:
    services.users.name_local_clinician("Alex Morgan", "PH123456")
    draft = started_draft(services)
    signed = services.signing.sign(draft.id, None)
    services.signing.add_addendum(draft.id, "Pain is <left> & worse at night", None)
    soap, text = tmp_path / "note.pdf", tmp_path / "note.txt"

    code = main(["--database", database_url, "export", "--assessment", str(draft.id),
                 "--soap", str(soap), "--text", str(text)])

    assert code == 0
    signature = signed.signature
    assert signature is not None
    content = pdf_text(soap.read_bytes())
    flat = "".join(content.split())  # the hash may wrap across lines
    assert signature.content_hash in flat
    assert "Signed by" in content and "Alex Morgan (PH123456)" in content
    assert "Pain is <left> & worse at night" in content
    plain = text.read_text(encoding="utf-8")
    assert f"Content SHA-256: {signature.content_hash}" in plain
    assert "Pain is <left> & worse at night" in plain
    exported = services.audit.entries_for(EntityType.ASSESSMENT, draft.id)
    assert exported[-1].action == "exported"
