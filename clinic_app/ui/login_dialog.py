"""Asks who is working when several people share the database.

A failed login never says whether the username or the password was wrong (that would
tell a stranger which usernames exist); the password is cleared for the next try. After
repeated failures the service makes the account wait, and the dialog says how long.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from clinic_app.domain.records.roles import User

REFUSED_MESSAGE = "Wrong username or password. Please try again."
INTRO = "Several people use this patient database. Log in to continue."
USERNAME_MAX_LENGTH = 40  # clinic_app.domain.records.accounts.USERNAME_PATTERN

log = logging.getLogger(__name__)


class Authenticator(Protocol):
    def authenticate(self, username: str, password: str) -> User: ...


class LoginDialog(QDialog):
    def __init__(self, parent: QWidget | None, users: Authenticator) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle("Log in to Clinic App")
        self.setModal(True)
        self._users = users
        self.user: User | None = None

        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("usernameEdit")
        self.username_edit.setMaxLength(USERNAME_MAX_LENGTH)
        self.username_edit.setAccessibleName("Username")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("Password")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("loginMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()

        form = QFormLayout()
        form.addRow("&Username", self.username_edit)
        form.addRow("&Password", self.password_edit)
        buttons = QDialogButtonBox(self)
        self.log_in_button = buttons.addButton("&Log in", QDialogButtonBox.ButtonRole.AcceptRole)
        self.log_in_button.setObjectName("logInButton")
        self.log_in_button.setDefault(True)  # Enter in either field submits
        self.quit_button = buttons.addButton("&Quit", QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("quitButton")
        self.quit_button.setAutoDefault(False)
        buttons.accepted.connect(self.try_log_in)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.username_edit.setFocus()

    def try_log_in(self) -> None:
        """Accept with the authenticated user, or stay open and say the login was refused."""
        from clinic_app.domain.records.login_throttle import LoginThrottledError
        from clinic_app.services.users import AuthenticationError

        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if not username or not password:
            missing = self.password_edit if username else self.username_edit
            self._refuse("Enter your username and password.", missing)
            return
        try:
            self.user = self._users.authenticate(username, password)
        except LoginThrottledError as throttled:  # "too many failed attempts ...: try again"
            self._refuse(str(throttled), self.password_edit)
            return
        except AuthenticationError:
            log.info("a login was refused")
            self._refuse(REFUSED_MESSAGE, self.password_edit)
            return
        except Exception as error:  # a lost connection: say so rather than "wrong password"
            log.error("logging in failed: %s", type(error).__name__)
            self._refuse(
                f"Logging in failed ({type(error).__name__}). Please try again.",
                self.password_edit,
            )
            return
        self.password_edit.clear()
        self.accept()

    def _refuse(self, message: str, focus: QLineEdit) -> None:
        self.password_edit.clear()
        self.message_label.setText(message)
        if self.message_label.isHidden():
            self.message_label.show()
            self.adjustSize()  # grow for the message rather than squeeze the fields
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, parent: QWidget | None, users: Authenticator) -> User | None:
        """The user who logged in, or None when they chose Quit (or closed the dialog)."""
        dialog = cls(parent, users)
        try:
            return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
