"""The passphrase of an encrypted database, asked at start when the environment and the
system keyring do not have it."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit


class PassphraseDialog:
    @classmethod
    def ask(cls, reason: str) -> str | None:
        """The passphrase typed, or None when cancelled (tests replace this method)."""
        text, accepted = QInputDialog.getText(
            None, "Clinic App: encrypted database",
            f"{reason}\n\nPassphrase of the patient database:", QLineEdit.EchoMode.Password,
        )
        return text if accepted and text else None
