"""How long an account waits after failed logins: nothing for the first few, then a delay
that doubles with each further failure up to a cap, so guessing a password takes days
while a mistyped one costs a person nothing."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from clinic_app.domain.records.roles import PermissionDeniedError

FREE_FAILURES = 3
FIRST_DELAY_SECONDS = 1
MAX_DELAY_SECONDS = 30


@dataclass(frozen=True)
class LoginFailures:
    """Failed logins in a row for one username, and when the last one happened."""

    username: str
    count: int
    last_at: datetime

    def retry_at(self) -> datetime:
        return self.last_at + delay_after(self.count)

    def wait_seconds(self, now: datetime) -> int:
        """Whole seconds left before the next attempt is heard (0: now)."""
        return max(0, math.ceil((self.retry_at() - now).total_seconds()))


def delay_after(failures: int) -> timedelta:
    """0 s for up to ``FREE_FAILURES`` failures, then 1 s, 2 s, 4 s, ... up to the cap."""
    if failures <= FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - FREE_FAILURES - 1, MAX_DELAY_SECONDS.bit_length())
    return timedelta(seconds=min(FIRST_DELAY_SECONDS * 2**doublings, MAX_DELAY_SECONDS))


class LoginThrottledError(PermissionDeniedError):
    """Too many failed logins for ``username``: the next attempt is heard in ``seconds``."""

    def __init__(self, username: str, seconds: int) -> None:
        super().__init__(f"too many failed attempts for {username}: try again in {seconds} s")
        self.username = username
        self.seconds = seconds
