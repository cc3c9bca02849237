"""Validation of new user accounts: usernames, display names, passwords."""

from __future__ import annotations

import re

from clinic_app.domain.control_characters import control_character_problem
from clinic_app.domain.fields import shortened

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
MIN_PASSWORD_LENGTH = 8
MAX_DISPLAY_NAME = 200
MAX_REGISTRATION_NUMBER = 60


class AccountError(ValueError):
    """A new or changed account is invalid; the message names the field and what is allowed."""


def check_username(username: str) -> str:
    if not USERNAME_PATTERN.fullmatch(username):
        raise AccountError(
            f"username {shortened(username)} is not allowed: use 2-40 characters, lower-case "
            "letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    return username


def check_display_name(display_name: str) -> str:
    cleaned = display_name.strip()
    if not cleaned or len(cleaned) > MAX_DISPLAY_NAME:
        raise AccountError(
            f"display name {shortened(display_name)} is not allowed: "
            f"1-{MAX_DISPLAY_NAME} characters"
        )
    _refuse_control_characters("display name", cleaned)
    return cleaned


def check_registration_number(number: str | None) -> str | None:
    if number is None or not number.strip():
        return None
    cleaned = number.strip()
    if len(cleaned) > MAX_REGISTRATION_NUMBER:
        raise AccountError(
            f"registration number {shortened(number)} is too long: at most "
            f"{MAX_REGISTRATION_NUMBER} characters"
        )
    _refuse_control_characters("registration number", cleaned)
    return cleaned


def _refuse_control_characters(field: str, value: str) -> None:
    problem = control_character_problem(value, one_line=True)
    if problem:
        raise AccountError(f"{field} {shortened(value)} is not allowed: {problem}")


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            f"password is too short ({len(password)} characters): at least "
            f"{MIN_PASSWORD_LENGTH} are required"
        )
    return password
