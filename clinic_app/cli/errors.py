"""How a command fails: ``CommandError``, which ``main`` prints as one line, no traceback."""

from __future__ import annotations

BAD_INPUT = 2
CHECK_FAILED = 1


class CommandError(Exception):
    """One line for the user, naming the option or field, its value and what is allowed.

    ``exit_code``: ``BAD_INPUT`` (2) for input that cannot be used, ``CHECK_FAILED`` (1)
    when a check or an operation on good input failed."""

    def __init__(self, message: str, exit_code: int = BAD_INPUT) -> None:
        super().__init__(message)
        self.exit_code = exit_code
