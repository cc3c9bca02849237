"""What the user is told when a service call fails.

Database errors can quote the patient data they were given, so in general only the
error's type is shown and logged. A refusal by role or a missing login is different:
its message names only a username and a role, and it tells the user what to do, where
"please try again" would not help.
"""

from __future__ import annotations

SWITCH_USER_HINT = "Several people use this database: log in with File \u203a Switch user\u2026"


def failure_message(what: str, error: Exception) -> str:
    from clinic_app.domain.records.roles import PermissionDeniedError
    from clinic_app.services.ports import LoginRequiredError

    if isinstance(error, LoginRequiredError):
        return f"{what}: {SWITCH_USER_HINT}"
    if isinstance(error, PermissionDeniedError):
        return f"{what}: {error}"
    return f"{what} ({type(error).__name__}). Please try again."
