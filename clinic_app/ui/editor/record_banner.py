"""The strip above a note that is no longer a draft: who signed it, when, and its fingerprint,
or that it awaits a supervisor's co-signature. Hidden while the note is a draft."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.records.roles import Role
from clinic_app.domain.records.signature import Signature, Submission
from clinic_app.ui.editor.record_notice import local_time_text

HASH_SHOWN = 16  # hex digits: enough to compare with a printout at a glance
SIGNED_COLOURS = ("#e6f4ea", "#0d5223", "#7fbf95")  # background, text, border
AWAITING_COLOURS = ("#fff3cd", "#4d3800", "#e0c36a")
SIGNED_DETAIL = "Read-only: a signed note is never changed; corrections are added as addenda."
AWAITING_DETAIL = "Read-only until a supervisor co-signs it or returns it for changes."


def signed_text(signature: Signature, role: Role | None) -> str:
    """"Signed by <name> (<role>) on <local time> · SHA-256 <first 16 hex digits>…"."""
    who = f"{signature.signer_name} ({role.label})" if role else signature.signer_name
    verb = "Co-signed" if signature.submitted_by else "Signed"
    text = (
        f"{verb} by {who} on {local_time_text(signature.signed_at)} "
        f"\u00b7 SHA-256 {signature.content_hash[:HASH_SHOWN]}\u2026"
    )
    if signature.submitted_by:
        text += f" \u00b7 written by {signature.submitter_name or signature.submitted_by}"
    return text


def awaiting_text(submission: Submission | None) -> str:
    by = f" \u2014 submitted by {submission.submitter_name}" if submission else ""
    return f"Awaiting co-signature by a supervisor{by}"


class RecordBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordBanner")
        self.headline = QLabel(self)
        self.headline.setObjectName("recordBannerText")
        self.detail = QLabel(self)
        self.detail.setObjectName("recordBannerDetail")
        for label in (self.headline, self.detail):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.headline.font())
        font.setBold(True)
        self.headline.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        self.hide()

    def text(self) -> str:
        return "" if self.isHidden() else self.headline.text()

    def show_record(
        self,
        status: AssessmentStatus,
        signature: Signature | None,
        submission: Submission | None,
        signer_role: Role | None,
    ) -> None:
        if status is AssessmentStatus.DRAFT:
            self.hide()
            return
        if status is AssessmentStatus.SIGNED and signature is not None:
            self.headline.setText(signed_text(signature, signer_role))
            self.headline.setToolTip(f"SHA-256 of the signed content: {signature.content_hash}")
            self.detail.setText(SIGNED_DETAIL)
            colours = SIGNED_COLOURS
        else:
            self.headline.setText(awaiting_text(submission))
            self.headline.setToolTip("")
            self.detail.setText(AWAITING_DETAIL)
            colours = AWAITING_COLOURS
        background, foreground, border = colours
        self.setStyleSheet(
            f"#recordBanner {{ background: {background}; border: 1px solid {border}; "
            f"border-radius: 4px; }} #recordBanner QLabel {{ color: {foreground}; }}"
        )
        self.show()
